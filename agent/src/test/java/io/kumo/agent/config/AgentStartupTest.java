package io.kumo.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kumo.agent.AgentApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The operator's first contact: a wrong driver stops the agent before it touches the broker, saying why. */
class AgentStartupTest {

    @Test
    void anUnknownDriverStopsStartUpWithTheReason() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(AgentApplication.class)
                .run("--agent.driver=xen", "--agent.host=startup-test", "--server.port=0",
                        "--spring.rabbitmq.addresses=amqp://guest:guest@127.0.0.1:1", "--spring.main.banner-mode=off"))
                .satisfies(e -> assertThat(rootCause(e))
                        .hasMessage("Unknown hypervisor driver 'xen' in agent.driver; known: fake, runc, libvirt"));
    }

    @Test
    void anUnknownVolumeDriverStopsStartUpWithTheReason() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(AgentApplication.class)
                .run("--agent.driver=fake", "--agent.host=startup-test", "--server.port=0",
                        "--agent.volume.backends=fast:zfs:tank/volumes",
                        "--spring.rabbitmq.addresses=amqp://guest:guest@127.0.0.1:1", "--spring.main.banner-mode=off"))
                .satisfies(e -> assertThat(rootCause(e)).hasMessage(
                        "Unknown volume driver 'zfs' for backend 'fast' in agent.volume.backends; known: file, btrfs"));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
