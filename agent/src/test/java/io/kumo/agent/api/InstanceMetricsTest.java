package io.kumo.agent.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.agent.AgentFixtures;
import io.kumo.agent.application.ServedHosts;
import io.kumo.agent.domain.ServedHost;
import io.kumo.agent.driver.fake.FakeDriver;
import io.kumo.agent.driver.fake.FakeDriverSettings;
import io.kumo.common.contract.host.BuildServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceMetricsTest {

    private final FakeDriver driver = new FakeDriver(FakeDriverSettings.defaults());
    private final InstanceMetrics metrics = new InstanceMetrics(
            new ServedHosts(List.of(ServedHost.of("sim-1", "nova", "192.0.2.9", driver))));

    @Test
    void everyInstanceHasItsSeriesLabelledWithHostAndUuidAndNoneOutlivesIt() throws IOException {
        BuildServer running = AgentFixtures.build("sim-1", "web-1", 1);
        BuildServer stopped = AgentFixtures.build("sim-1", "web-2", 0);
        driver.spawn(running);
        driver.spawn(stopped);
        driver.powerOff(stopped.instanceUuid());

        String text = exposition(metrics.collect());

        String labels = "host=\"sim-1\",uuid=\"" + running.instanceUuid() + "\"";
        assertThat(text).contains("kumo_instance_running{" + labels + "} 1.0")
                .contains("kumo_instance_running{host=\"sim-1\",uuid=\"" + stopped.instanceUuid() + "\"} 0.0")
                .contains("kumo_instance_memory_limit_bytes{" + labels + "} "
                        + Double.toString(running.flavor().memoryMb() * 1024.0 * 1024))
                .contains("kumo_instance_cpu_seconds_total{" + labels + "} 0.0")
                .contains("kumo_instance_network_receive_bytes_total{host=\"sim-1\",interface=\"tap"
                        + running.ports().get(0).portId().substring(0, 11) + "\",mac=\""
                        + running.ports().get(0).macAddress() + "\",uuid=\"" + running.instanceUuid() + "\"} 0.0")
                .contains("# TYPE kumo_instance_disk_write_bytes_total counter");
        assertThat(text).as("a fake guest has no cgroup: no figures made up").doesNotContain("kumo_instance_pids");

        driver.destroy(running.instanceUuid());
        driver.destroy(stopped.instanceUuid());
        assertThat(exposition(metrics.collect())).doesNotContain("kumo_instance");
    }

    private static String exposition(MetricSnapshots snapshots) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, snapshots);
        return out.toString(StandardCharsets.UTF_8);
    }
}
