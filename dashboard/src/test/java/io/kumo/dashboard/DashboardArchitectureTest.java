package io.kumo.dashboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The pages (web) use the API clients (cloud); the clients know nothing of pages, sessions' HTTP or Spring MVC. */
class DashboardArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.kumo.dashboard");

    @Test
    void theApiClientsDoNotReachIntoThePages() {
        noClasses().that().resideInAPackage("..dashboard.cloud..").should().dependOnClassesThat()
                .resideInAnyPackage("..dashboard.web..", "..dashboard.config..", "jakarta.servlet..",
                        "org.springframework.ui..", "org.springframework.security..")
                .check(classes);
    }
}
