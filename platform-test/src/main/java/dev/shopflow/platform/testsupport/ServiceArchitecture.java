package dev.shopflow.platform.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every service follows (STYLE.md), as ArchUnit rules a service's architecture test applies:
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "dev.shopflow.auth", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *     @ArchTest
 *     static final ArchRule domainIsPlainJava = ServiceArchitecture.DOMAIN_IS_PLAIN_JAVA;
 * }
 * }</pre>
 */
public final class ServiceArchitecture {

    /** Domain rules are plain, synchronous Java: no framework, no I/O, no serialisation concerns. */
    public static final ArchRule DOMAIN_IS_PLAIN_JAVA = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "reactor..", "io.r2dbc..", "org.apache.kafka..", "tools.jackson..",
                    "com.fasterxml.jackson..", "jakarta.persistence..")
            .because("domain code is plain Java that a newcomer can read and unit-test without a framework");

    /** Controllers talk to a feature's application service, never to its tables. */
    public static final ArchRule WEB_DOES_NOT_REACH_PERSISTENCE = noClasses()
            .that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("..persistence..")
            .because("a feature's application service owns its transactions and its mapping from rows");

    private ServiceArchitecture() {
    }
}
