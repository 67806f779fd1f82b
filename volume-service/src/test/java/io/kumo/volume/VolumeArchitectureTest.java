package io.kumo.volume;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.kumo.common.ArchitectureRules;
import org.junit.jupiter.api.Test;

class VolumeArchitectureTest {

    @Test
    void followsTheLayeringOfArchitectureSection8() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.kumo.volume");
        ArchitectureRules.checkLayers("io.kumo.volume", classes);
    }
}
