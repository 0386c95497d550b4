package dev.shopflow.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code shopflow-defaults.yml} as the lowest-precedence property source, so every service shares one set of
 * defaults and its own {@code application.yml} or environment variables override any of them.
 */
public class ShopflowDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "shopflow-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            var sources = new YamlPropertySourceLoader().load("shopflowDefaults", new ClassPathResource(RESOURCE));
            sources.forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
