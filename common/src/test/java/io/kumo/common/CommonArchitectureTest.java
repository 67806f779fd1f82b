package io.kumo.common;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** common stays a library: no service code, and JPA only where it is optional. */
class CommonArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.kumo.common");

    @Test
    void commonKnowsNoService() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.kumo.identity..", "io.kumo.compute..",
                "io.kumo.network..", "io.kumo.volume..", "io.kumo.image..", "io.kumo.scheduler..", "io.kumo.agent..")
                .check(classes);
    }

    /**
     * The agent uses common without a database, so JPA may only appear in the optional outbox/inbox
     * package and the entity base classes (which only services with a database extend).
     */
    @Test
    void onlyTheOutboxPackageTouchesJpa() {
        noClasses().that().resideOutsideOfPackages("io.kumo.common.messaging.jpa..", "io.kumo.common.persistence..",
                        "io.kumo.common.config..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.springframework.orm..")
                .check(classes);
    }

    @Test
    void contractsAreFreeOfFrameworks() {
        noClasses().that().resideInAPackage("io.kumo.common.contract..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..")
                .check(classes);
    }
}
