package io.kumo.agent.driver.runc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupUsageTest {

    @TempDir
    Path root;

    @Test
    void cgroupV1ControllersAreReadWhereTheProcessIsAndNoLimitIsNull() throws IOException {
        write("proc/42/cgroup", """
                9:name=systemd:/
                8:pids:/agent/c1
                4:memory:/agent/c1
                2:cpu,cpuacct:/agent/c1
                0::/
                """);
        Files.createDirectories(root.resolve("cgroup/unified"));
        write("cgroup/cpu,cpuacct/agent/c1/cpuacct.usage", "1500000000\n");
        write("cgroup/cpu,cpuacct/agent/c1/cpu.stat", "nr_periods 10\nnr_throttled 2\nthrottled_time 7000\n");
        write("cgroup/memory/agent/c1/memory.usage_in_bytes", "1048576\n");
        write("cgroup/memory/agent/c1/memory.limit_in_bytes", "9223372036854771712\n");
        write("cgroup/memory/agent/c1/memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 3\n");
        write("cgroup/pids/agent/c1/pids.current", "5\n");
        write("cgroup/pids/agent/c1/pids.max", "512\n");

        CgroupUsage.Usage usage = new CgroupUsage(root.resolve("proc"), root.resolve("cgroup")).of(42).orElseThrow();

        assertThat(usage).isEqualTo(new CgroupUsage.Usage(1_500_000_000L, 7000L, 1_048_576L, null, 3L, 5L, 512L));
    }

    @Test
    void theUnifiedHierarchyIsReadWhenThereAreNoV1Controllers() throws IOException {
        write("proc/7/cgroup", "0::/kumo/c2\n");
        write("cgroup/kumo/c2/cpu.stat", "usage_usec 2000\nuser_usec 1500\nthrottled_usec 30\n");
        write("cgroup/kumo/c2/memory.current", "4096\n");
        write("cgroup/kumo/c2/memory.max", "67108864\n");
        write("cgroup/kumo/c2/memory.events", "low 0\nhigh 0\nmax 4\noom 1\noom_kill 1\n");
        write("cgroup/kumo/c2/pids.current", "2\n");
        write("cgroup/kumo/c2/pids.max", "max\n");

        CgroupUsage.Usage usage = new CgroupUsage(root.resolve("proc"), root.resolve("cgroup")).of(7).orElseThrow();

        assertThat(usage).isEqualTo(new CgroupUsage.Usage(2_000_000L, 30_000L, 4096L, 67_108_864L, 1L, 2L, null));
    }

    @Test
    void aProcessThatIsGoneHasNoFigures() {
        assertThat(new CgroupUsage(root.resolve("proc"), root.resolve("cgroup")).of(99)).isEmpty();
    }

    @Test
    void aBlockDevicesStatLineIsItsReadsAndWritesInBytes() {
        assertThat(Ext4Disks.diskOf("root", "     120        3     4096       10      250        7     8192       40"
                + "        0       50       60\n")).satisfies(disk -> {
                    assertThat(disk.readRequests()).isEqualTo(120);
                    assertThat(disk.readBytes()).isEqualTo(4096L * 512);
                    assertThat(disk.writeRequests()).isEqualTo(250);
                    assertThat(disk.writeBytes()).isEqualTo(8192L * 512);
                });
    }

    private void write(String file, String content) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }
}
