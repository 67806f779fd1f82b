package io.kumo.common;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;

/**
 * ARCHITECTURE.md §8 as ArchUnit rules, shared by every service module's architecture test:
 * api, messaging and client depend on application, application on domain and persistence, domain on
 * nothing of the service, and nothing depends on api. Adapters behind a domain port (an image
 * {@code store}, say) are wired by config only: the application sees the port.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    public static void checkLayers(String basePackage, JavaClasses classes) {
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("api").definedBy(basePackage + ".api..")
                .layer("messaging").definedBy(basePackage + ".messaging..")
                .layer("client").definedBy(basePackage + ".client..")
                .layer("application").definedBy(basePackage + ".application..")
                .layer("domain").definedBy(basePackage + ".domain..")
                .layer("persistence").definedBy(basePackage + ".persistence..")
                .layer("store").definedBy(basePackage + ".store..")
                .layer("config").definedBy(basePackage + ".config..")
                .whereLayer("api").mayOnlyBeAccessedByLayers("config")
                .whereLayer("messaging").mayOnlyBeAccessedByLayers("config")
                .whereLayer("client").mayOnlyBeAccessedByLayers("application", "config")
                .whereLayer("store").mayOnlyBeAccessedByLayers("config")
                .whereLayer("application").mayOnlyBeAccessedByLayers("api", "messaging", "config")
                .whereLayer("persistence").mayOnlyBeAccessedByLayers("application", "api", "messaging", "config")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("application", "persistence", "api", "messaging",
                        "client", "store", "config")
                .check(classes);
        ArchitectureRuleSet.domainIsFrameworkFree(basePackage).check(classes);
        ArchitectureRuleSet.controllersArePackagePrivate(basePackage).check(classes);
        ArchitectureRuleSet.transactionsOnlyInApplication(basePackage).check(classes);
    }

    static final class ArchitectureRuleSet {

        static com.tngtech.archunit.lang.ArchRule domainIsFrameworkFree(String basePackage) {
            return ArchRuleDefinition.noClasses().that().resideInAPackage(basePackage + ".domain..")
                    .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                            "org.springframework.amqp..", "org.springframework.cloud..", "jakarta.servlet..",
                            "jakarta.persistence..", "org.springframework.data..");
        }

        static com.tngtech.archunit.lang.ArchRule controllersArePackagePrivate(String basePackage) {
            return ArchRuleDefinition.classes().that()
                    .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                    .should().notBePublic().andShould().resideInAPackage(basePackage + ".api..");
        }

        static com.tngtech.archunit.lang.ArchRule transactionsOnlyInApplication(String basePackage) {
            return ArchRuleDefinition.methods().that()
                    .areAnnotatedWith(org.springframework.transaction.annotation.Transactional.class)
                    .should().beDeclaredInClassesThat().resideInAPackage(basePackage + ".application..");
        }
    }
}
