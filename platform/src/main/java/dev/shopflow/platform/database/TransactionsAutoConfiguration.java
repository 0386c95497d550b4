package dev.shopflow.platform.database;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Every {@link TransactionalOperator} of the service (Boot's among them) runs its transactions to their end, so that
 * a client that goes away cannot cut one short ({@link UncancellableTransactionalOperator}).
 */
@AutoConfiguration
@ConditionalOnClass(TransactionalOperator.class)
public class TransactionsAutoConfiguration {

    @Bean
    static BeanPostProcessor uncancellableTransactions() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof TransactionalOperator operator
                        && !(bean instanceof UncancellableTransactionalOperator)
                        ? UncancellableTransactionalOperator.of(operator) : bean;
            }
        };
    }
}
