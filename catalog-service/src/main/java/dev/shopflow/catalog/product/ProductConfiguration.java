package dev.shopflow.catalog.product;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling for {@link OutOfStockGauge}' periodic count. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ProductConfiguration {
}
