package dev.shopflow.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The boundary rules catch what they are meant to and nothing else. Two small services stand in for real ones:
 * {@code dev.shopflow.tidyshop} keeps to the rules; {@code dev.shopflow.leakyshop} is the same service with one
 * feature reaching into another's domain ({@code ordering.Orders} takes a {@code cart.domain.CartLine}) and one
 * application service handling a row ({@code cart.Carts} takes a {@code cart.persistence.CartRow}, which is public
 * for it).
 */
class ServiceArchitectureTest {

    private static final JavaClasses TIDY = new ClassFileImporter().importPackages("dev.shopflow.tidyshop");
    private static final JavaClasses LEAKY = new ClassFileImporter().importPackages("dev.shopflow.leakyshop");

    @Test
    void letsFeaturesMeetThroughTheirApplicationPackages() {
        assertThat(violations(ServiceArchitecture.FEATURES_MEET_ONLY_THROUGH_THEIR_APPLICATION_PACKAGES, TIDY)).isEmpty();
    }

    @Test
    void refusesAFeatureReachingIntoAnotherFeaturesDomain() {
        String report = violations(ServiceArchitecture.FEATURES_MEET_ONLY_THROUGH_THEIR_APPLICATION_PACKAGES, LEAKY);

        assertThat(report)
                .contains("dev.shopflow.leakyshop.ordering.Orders")
                .contains("dev.shopflow.leakyshop.cart.domain.CartLine")
                .contains("use the application package dev.shopflow.leakyshop.cart instead")
                // a feature's own rows and domain are its own business
                .doesNotContain("dev.shopflow.leakyshop.cart.Carts");
    }

    @Test
    void letsRepositoriesMapRowsToDomainObjects() {
        assertThat(violations(ServiceArchitecture.ROWS_STAY_IN_PERSISTENCE, TIDY)).isEmpty();
    }

    @Test
    void refusesApplicationCodeHandlingARow() {
        String report = violations(ServiceArchitecture.ROWS_STAY_IN_PERSISTENCE, LEAKY);

        assertThat(report)
                .contains("dev.shopflow.leakyshop.cart.Carts")
                .contains("dev.shopflow.leakyshop.cart.persistence.CartRow")
                .doesNotContain("dev.shopflow.leakyshop.ordering.Orders");
    }

    @Test
    void letsRowsBePackagePrivateInPersistence() {
        assertThat(violations(ServiceArchitecture.ROWS_ARE_PRIVATE_TO_PERSISTENCE, TIDY)).isEmpty();
    }

    @Test
    void refusesAPublicRow() {
        assertThat(violations(ServiceArchitecture.ROWS_ARE_PRIVATE_TO_PERSISTENCE, LEAKY))
                .contains("dev.shopflow.leakyshop.cart.persistence.CartRow");
    }

    /** The rule's violations as ArchUnit reports them, empty when it holds. */
    private static String violations(ArchRule rule, JavaClasses classes) {
        EvaluationResult result = rule.evaluate(classes);
        return result.hasViolation() ? String.join("\n", result.getFailureReport().getDetails()) : "";
    }
}
