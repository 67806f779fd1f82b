package io.kumo.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.env.StandardEnvironment;

class AgentEnvironmentTest {

    private final StandardEnvironment environment = new StandardEnvironment();

    @Test
    void theHostDefaultsToTheMachinesHostName() {
        new AgentEnvironment().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("agent.host")).isEqualTo(AgentEnvironment.lookUpHostName()).isNotBlank();
        assertThat(environment.getProperty("agent.derived.served-hosts")).isEqualTo(AgentEnvironment.lookUpHostName());
        assertThat(environment.getProperty("agent.host-ip")).isNotBlank().doesNotContain("0.0.0.0");
    }

    @Test
    void theCommandRoutingKeysFollowSettingsAddedAfterStartUpSuchAsATestsDynamicProperties() {
        new AgentEnvironment().postProcessEnvironment(environment, new SpringApplication());
        environment.getPropertySources().addFirst(new MapPropertySource("late",
                Map.of("agent.host", "rack7", "agent.driver", "fake", "agent.fake.hosts", "3")));

        assertThat(environment.getProperty("agent.derived.served-hosts")).isEqualTo("rack7-1,rack7-2,rack7-3");
        assertThat(environment.resolvePlaceholders("agent-${agent.host}")).isEqualTo("agent-rack7");
    }

    @Test
    void aStorageHostsNameIsARoutingKeyBesideItsFakeHostsOnceBackendsAreConfigured() {
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("operator",
                Map.of("AGENT_DRIVER", "fake", "AGENT_FAKE_HOSTS", "2", "AGENT_HOST", "edge",
                        "AGENT_VOLUME_BACKENDS", "nfs-1:file:/srv/volumes")));
        new AgentEnvironment().postProcessEnvironment(environment, new SpringApplication());
        ConfigurationPropertySources.attach(environment);

        assertThat(environment.getProperty("agent.derived.served-hosts")).isEqualTo("edge-1,edge-2,edge");
    }

    @Test
    void aStorageHostThatIsAlsoTheHypervisorHostIsBoundOnceAndYamlListsCount() {
        new AgentEnvironment().postProcessEnvironment(environment, new SpringApplication());
        environment.getPropertySources().addFirst(new MapPropertySource("yaml", Map.of("agent.host", "rack7",
                "agent.driver", "runc", "agent.volume.backends[0]", "nfs-1:file:/srv/volumes")));

        assertThat(environment.getProperty("agent.derived.served-hosts")).isEqualTo("rack7");
    }

    @Test
    void withoutBackendsTheFakeHostsAloneAreBound() {
        new AgentEnvironment().postProcessEnvironment(environment, new SpringApplication());
        environment.getPropertySources().addFirst(new MapPropertySource("yaml", Map.of("agent.host", "rack7",
                "agent.driver", "fake", "agent.fake.hosts", "2", "agent.volume.backends", "")));

        assertThat(environment.getProperty("agent.derived.served-hosts")).isEqualTo("rack7-1,rack7-2");
    }

    @Test
    void theDerivedSettingsFollowEnvironmentVariablesThroughSpringBootsRelaxedNames() {
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("operator",
                Map.of("AGENT_DRIVER", "fake", "AGENT_FAKE_HOSTS", "2", "AGENT_HOST", "edge")));
        new AgentEnvironment().postProcessEnvironment(environment, new SpringApplication());
        ConfigurationPropertySources.attach(environment);

        assertThat(environment.getProperty("agent.derived.served-hosts")).isEqualTo("edge-1,edge-2");
        assertThat(environment.getProperty("kumo.unrelated")).isNull();
    }
}
