package dev.shopflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;

class KeepAliveReadsTest {

    private String before;

    @BeforeEach
    void rememberTheProperty() {
        before = System.getProperty(KeepAliveReads.PROPERTY);
    }

    @AfterEach
    void restoreTheProperty() {
        if (before == null) {
            System.clearProperty(KeepAliveReads.PROPERTY);
        } else {
            System.setProperty(KeepAliveReads.PROPERTY, before);
        }
    }

    @Test
    void turnsReactorNettysWorkaroundOnBeforeAnyServerStarts() {
        System.clearProperty(KeepAliveReads.PROPERTY);

        new KeepAliveReads().postProcessEnvironment(new StandardEnvironment(), new SpringApplication());

        assertThat(System.getProperty(KeepAliveReads.PROPERTY)).isEqualTo("true");
    }

    @Test
    void leavesAValueGivenOnTheCommandLine() {
        System.setProperty(KeepAliveReads.PROPERTY, "false");

        new KeepAliveReads().postProcessEnvironment(new StandardEnvironment(), new SpringApplication());

        assertThat(System.getProperty(KeepAliveReads.PROPERTY)).isEqualTo("false");
    }

    @Test
    void isRegisteredForEverySpringApplication() throws java.io.IOException {
        var registrations = new StringBuilder();
        var files = getClass().getClassLoader().getResources("META-INF/spring.factories");
        while (files.hasMoreElements()) {
            try (var in = files.nextElement().openStream()) {
                registrations.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }

        assertThat(registrations).contains(KeepAliveReads.class.getName());
    }
}
