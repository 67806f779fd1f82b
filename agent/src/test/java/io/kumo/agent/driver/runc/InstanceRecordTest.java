package io.kumo.agent.driver.runc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class InstanceRecordTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aRecordOfAnEarlierAgentRunsItsCommandLineAsRootWithTheDefaultEnvironmentOnAnExt4Disk() {
        RuncDriver.InstanceRecord old = JSON.readValue("""
                {"instance": {"uuid": "u-1", "name": "ct"}, "idBase": 500000000, "args": ["/bin/sh", "-c", "true"]}""",
                RuncDriver.InstanceRecord.class);

        assertThat(old.process()).isEqualTo(new ContainerProcess(List.of("/bin/sh", "-c", "true"),
                ContainerProcess.DEFAULT_ENV, "/", 0, 0));
        assertThat(old.storage()).as("earlier agents made ext4 disks only").isEqualTo("ext4");
    }

    @Test
    void aRecordKeepsTheImagesProcess() {
        RuncDriver.InstanceRecord record = JSON.readValue("""
                {"instance": {"uuid": "u-2", "name": "ct"}, "idBase": 500065536}""", RuncDriver.InstanceRecord.class)
                .withProcess(new ContainerProcess(List.of("/app/run"), List.of("A=1"), "/srv", 1000, 1000));

        assertThat(JSON.readValue(JSON.writeValueAsString(record), RuncDriver.InstanceRecord.class).process())
                .isEqualTo(record.process());
    }
}
