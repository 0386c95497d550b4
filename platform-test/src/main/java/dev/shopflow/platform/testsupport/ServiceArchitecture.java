package dev.shopflow.platform.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.and;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;

/**
 * The layering every service follows (STYLE.md, ADR 0017), as ArchUnit rules a service's architecture test applies
 * all at once:
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "dev.shopflow.auth", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *     @ArchTest
 *     static final ArchTests serviceArchitecture = ArchTests.in(ServiceArchitecture.class);
 * }
 * }</pre>
 */
public final class ServiceArchitecture {

    /** Domain rules are plain, synchronous Java: no framework, no I/O, no serialisation concerns. */
    @ArchTest
    public static final ArchRule DOMAIN_IS_PLAIN_JAVA = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "reactor..", "io.r2dbc..", "org.apache.kafka..", "tools.jackson..",
                    "com.fasterxml.jackson..", "jakarta.persistence..")
            .because("domain code is plain Java that a newcomer can read and unit-test without a framework");

    /** Controllers talk to a feature's application service, never to its tables. */
    @ArchTest
    public static final ArchRule WEB_DOES_NOT_REACH_PERSISTENCE = noClasses()
            .that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("..persistence..")
            .because("a feature's application service owns its transactions and its mapping from rows");

    /**
     * A feature is a package right under a service's ({@code dev.shopflow.order.cart}); its own package is its
     * application API, and its sub-packages ({@code domain}, {@code persistence}, {@code web}, {@code messaging}) are
     * its own business. Another feature of the same service uses the application package only
     * ({@code ordering} checks a cart out through {@code cart.CartCheckout}, never through {@code cart.domain.Cart}).
     */
    @ArchTest
    public static final ArchRule FEATURES_MEET_ONLY_THROUGH_THEIR_APPLICATION_PACKAGES = classes()
            .that().resideInAPackage("dev.shopflow..")
            .should(reachOtherFeaturesOnlyThroughTheirApplicationPackages())
            .because("a feature can then change its model, tables, endpoints and listeners without the others noticing");

    /** Rows are how a feature's tables look; repositories map them to domain objects before anyone else sees them. */
    @ArchTest
    public static final ArchRule ROWS_STAY_IN_PERSISTENCE = noClasses()
            .that().resideOutsideOfPackage("..persistence..")
            .should().dependOnClassesThat(and(resideInAPackage("dev.shopflow.."), simpleNameEndingWith("Row")))
            .because("application code works with domain objects; a row's shape is the persistence package's business");

    /** A row is its repository's: it lives in {@code persistence} and nothing outside that package can name it. */
    @ArchTest
    public static final ArchRule ROWS_ARE_PRIVATE_TO_PERSISTENCE = classes()
            .that(and(resideInAPackage("dev.shopflow.."), simpleNameEndingWith("Row")))
            .should().resideInAPackage("..persistence..")
            .andShould().notBePublic()
            .because("a repository answers with domain objects, so no other package needs its rows");

    private static ArchCondition<JavaClass> reachOtherFeaturesOnlyThroughTheirApplicationPackages() {
        return new ArchCondition<>("reach other features only through their application packages") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<FeaturePackage> from = FeaturePackage.of(origin.getPackageName());
                if (from.isEmpty()) {
                    return;
                }
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    FeaturePackage.of(dependency.getTargetClass().getBaseComponentType().getPackageName())
                            .filter(target -> target.isInnerPackageOfAnotherFeatureThan(from.get()))
                            .ifPresent(target -> events.add(SimpleConditionEvent.violated(dependency,
                                    dependency.getDescription() + ": use the application package "
                                            + target.applicationPackage() + " instead")));
                }
            }
        };
    }

    /** Where a package sits: {@code dev.shopflow.<service>.<feature>[.<inner>]}. */
    private record FeaturePackage(String service, String feature, boolean inner) {

        static Optional<FeaturePackage> of(String packageName) {
            String[] parts = packageName.split("\\.");
            if (parts.length < 4 || !parts[0].equals("dev") || !parts[1].equals("shopflow")) {
                return Optional.empty();
            }
            return Optional.of(new FeaturePackage(parts[2], parts[3], parts.length > 4));
        }

        boolean isInnerPackageOfAnotherFeatureThan(FeaturePackage origin) {
            return inner && service.equals(origin.service) && !feature.equals(origin.feature);
        }

        String applicationPackage() {
            return "dev.shopflow." + service + "." + feature;
        }
    }

    private ServiceArchitecture() {
    }
}
