package io.kumo.agent;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.kumo.common.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * ARCHITECTURE.md §8 plus the agent's own layers (§5): messaging and the actuator endpoint → application
 * (dispatch, registration) → handler (one per command) → domain (hosts, the events port) → driver, and beside
 * the drivers the volume backends. Drivers and backends know nothing of how commands arrive or answers leave,
 * so a new one is written against its interface alone.
 */
class AgentArchitectureTest {

    private static final String AGENT = "io.kumo.agent";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(AGENT);

    @Test
    void followsTheLayeringOfArchitectureSection8() {
        ArchitectureRules.checkLayers(AGENT, classes);
    }

    @Test
    void dependenciesPointInwardTowardsTheDriver() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("api").definedBy(AGENT + ".api..")
                .layer("messaging").definedBy(AGENT + ".messaging..")
                .layer("application").definedBy(AGENT + ".application..")
                .layer("handler").definedBy(AGENT + ".handler..")
                .layer("domain").definedBy(AGENT + ".domain..")
                .layer("driver").definedBy(AGENT + ".driver..")
                .layer("network").definedBy(AGENT + ".network..")
                .layer("volume").definedBy(AGENT + ".volume..")
                .layer("config").definedBy(AGENT + ".config..")
                .whereLayer("api").mayOnlyBeAccessedByLayers("config")
                .whereLayer("messaging").mayOnlyBeAccessedByLayers("config")
                .whereLayer("application").mayOnlyBeAccessedByLayers("api", "messaging", "config")
                .whereLayer("handler").mayOnlyBeAccessedByLayers("application", "config")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("api", "messaging", "application", "handler", "config")
                .whereLayer("driver").mayOnlyBeAccessedByLayers("api", "application", "handler", "domain", "network",
                        "volume", "config")
                .whereLayer("volume").mayOnlyBeAccessedByLayers("application", "handler", "config")
                .whereLayer("network").mayOnlyBeAccessedByLayers("driver", "config")
                .allowEmptyShould(false).check(classes);
    }

    @Test
    void theCoreIsFreeOfMessagingAndWebFrameworks() {
        noClasses().that().resideInAnyPackage(AGENT + ".driver..", AGENT + ".domain..", AGENT + ".handler..",
                        AGENT + ".application..", AGENT + ".volume..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.amqp..",
                        "org.springframework.cloud..", "org.springframework.web..", "org.springframework.messaging..",
                        "jakarta.servlet..", "com.rabbitmq..")
                .allowEmptyShould(false).check(classes);
    }

    @Test
    void onlyTheLibvirtDriverTalksToLibvirt() {
        noClasses().that().resideOutsideOfPackage(AGENT + ".driver.libvirt..")
                .should().dependOnClassesThat().resideInAnyPackage("org.libvirt..")
                .check(classes);
    }

    @Test
    void theAgentHasNoDatabase() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..",
                        "org.springframework.jdbc..", "org.springframework.data..", "java.sql..",
                        "io.kumo.common.messaging.jpa..", "io.kumo.common.persistence..")
                .allowEmptyShould(false).check(classes);
    }
}
