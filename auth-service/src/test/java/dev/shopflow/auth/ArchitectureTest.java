package dev.shopflow.auth;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.shopflow.platform.testsupport.ServiceArchitecture;

/** Every rule of {@link ServiceArchitecture}, applied to this service's main code. */
@AnalyzeClasses(packages = "dev.shopflow.auth", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests serviceArchitecture = ArchTests.in(ServiceArchitecture.class);
}
