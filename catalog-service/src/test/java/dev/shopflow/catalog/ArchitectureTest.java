package dev.shopflow.catalog;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.shopflow.platform.testsupport.ServiceArchitecture;

@AnalyzeClasses(packages = "dev.shopflow.catalog", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = ServiceArchitecture.DOMAIN_IS_PLAIN_JAVA;

    @ArchTest
    static final ArchRule webDoesNotReachPersistence = ServiceArchitecture.WEB_DOES_NOT_REACH_PERSISTENCE;

    @ArchTest
    static final ArchRule featuresMeetOnlyThroughTheirApplicationPackages =
            ServiceArchitecture.FEATURES_MEET_ONLY_THROUGH_THEIR_APPLICATION_PACKAGES;

    @ArchTest
    static final ArchRule rowsStayInPersistence = ServiceArchitecture.ROWS_STAY_IN_PERSISTENCE;

    @ArchTest
    static final ArchRule rowsArePrivateToPersistence = ServiceArchitecture.ROWS_ARE_PRIVATE_TO_PERSISTENCE;
}
