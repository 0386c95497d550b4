package dev.shopflow.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.shopflow.platform.testsupport.ServiceArchitecture;
import java.util.Optional;

@AnalyzeClasses(packages = "dev.shopflow.catalog", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String BASE = "dev.shopflow.catalog.";

    @ArchTest
    static final ArchRule domainIsPlainJava = ServiceArchitecture.DOMAIN_IS_PLAIN_JAVA;

    @ArchTest
    static final ArchRule webDoesNotReachPersistence = ServiceArchitecture.WEB_DOES_NOT_REACH_PERSISTENCE;

    /** Repositories answer with domain objects or the feature's read models; rows never leave persistence. */
    @ArchTest
    static final ArchRule rowsStayInPersistence = noClasses()
            .that().resideOutsideOfPackage("..persistence..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Row")
            .because("a repository maps its rows to domain objects or read models before answering");

    @ArchTest
    static final ArchRule rowsArePackagePrivateToPersistence = classes()
            .that().haveSimpleNameEndingWith("Row")
            .should().resideInAPackage("..persistence..")
            .andShould().notBePublic();

    /**
     * Features (product, inventory, demo) meet only through each other's base package, the public API: never
     * through another feature's {@code domain} or {@code persistence}.
     */
    @ArchTest
    static final ArchRule featuresMeetThroughTheirApi = classes()
            .that().resideInAPackage(BASE + "*..")
            .should(new ArchCondition<JavaClass>("use no other feature's domain or persistence") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        JavaClass target = dependency.getTargetClass();
                        Optional<String> targetFeature = feature(target);
                        boolean internal = layer(target).filter(layer -> layer.equals("domain")
                                || layer.equals("persistence")).isPresent();
                        if (internal && targetFeature.isPresent() && !targetFeature.equals(feature(origin))) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            });

    /** {@code product} for {@code dev.shopflow.catalog.product.web.ProductController}; none for the service's own classes. */
    private static Optional<String> feature(JavaClass type) {
        return segment(type, 0);
    }

    /** {@code web} for {@code dev.shopflow.catalog.product.web.ProductController}; none for a feature's base package. */
    private static Optional<String> layer(JavaClass type) {
        return segment(type, 1);
    }

    private static Optional<String> segment(JavaClass type, int index) {
        String name = type.getPackageName();
        if (!name.startsWith(BASE)) {
            return Optional.empty();
        }
        String[] segments = name.substring(BASE.length()).split("\\.");
        return index < segments.length ? Optional.of(segments[index]) : Optional.empty();
    }
}
