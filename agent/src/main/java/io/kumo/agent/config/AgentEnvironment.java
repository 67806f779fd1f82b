package io.kumo.agent.config;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Settings that are computed rather than configured, as the lowest-precedence property source:
 * {@code agent.host} defaults to the machine's host name (as Nova's {@code host} option does),
 * {@code agent.host-ip} to the address of the interface of the default route (as Nova's {@code my_ip}), and
 * {@code agent.derived.served-hosts} lists every host this process serves, comma-separated, for the command
 * queue's routing keys in application.yaml (with {@code agent.host} as a storage host when
 * {@code agent.volume.backends} names any), and {@code agent.derived.functions} the bindings it consumes (real
 * drivers also follow network events, for their firewalls, and image events, for their image caches). Both are computed when first read rather than at start-up, so
 * settings added late (a test's dynamic properties) still count.
 */
public class AgentEnvironment implements EnvironmentPostProcessor {

    static final String SERVED_HOSTS = "agent.derived.served-hosts";
    static final String FUNCTIONS = "agent.derived.functions";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new Derived(environment));
    }

    /**
     * Reads the environment it is part of. The environment is a field, not the property source's source:
     * Spring Boot expands a property source whose source is an environment into that environment's sources,
     * which would include this one again, forever.
     */
    private static final class Derived extends PropertySource<Object> {

        private final Environment environment;
        private volatile String localHostName;
        private volatile String localAddress;

        Derived(Environment environment) {
            super("kumoAgentDerived", new Object());
            this.environment = environment;
        }

        @Override
        public Object getProperty(String name) {
            if ("agent.host".equals(name)) {
                return localHostName();
            }
            if ("agent.host-ip".equals(name)) {
                if (localAddress == null) {
                    localAddress = lookUpHostIp();
                }
                return localAddress;
            }
            if (FUNCTIONS.equals(name)) {
                // the fake driver has no firewalls and no image cache: its agents need no queue of events
                return "fake".equals(environment.getProperty("agent.driver", "").trim()) ? "hostCommands"
                        : "hostCommands;networkEvents;imageEvents";
            }
            if (SERVED_HOSTS.equals(name)) {
                return String.join(",", ServedHostNames.routingKeys(environment.getProperty("agent.host"),
                        environment.getProperty("agent.driver", ""),
                        environment.getProperty("agent.fake.hosts", Integer.class, 1), storageHost()));
            }
            return null;
        }

        /**
         * Whether a volume backend is configured. Bound rather than read, as it is a list: YAML items, a
         * comma-separated value or {@code AGENT_VOLUME_BACKENDS} all count.
         */
        private boolean storageHost() {
            return Binder.get(environment).bind("agent.volume.backends", Bindable.listOf(String.class))
                    .orElse(List.of()).stream().anyMatch(backend -> !backend.isBlank());
        }

        private String localHostName() {
            if (localHostName == null) {
                localHostName = lookUpHostName();
            }
            return localHostName;
        }
    }

    /**
     * The local address the kernel would send from towards the default route: a UDP socket "connected" to a
     * documentation address (TEST-NET-1) sends nothing but is given that source address.
     */
    static String lookUpHostIp() {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1}), 9);
            InetAddress local = socket.getLocalAddress();
            if (local != null && !local.isAnyLocalAddress()) {
                return local.getHostAddress();
            }
        } catch (IOException | RuntimeException e) {
            // no route at all: fall back to what the host name resolves to
        }
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (IOException e) {
            return "127.0.0.1";
        }
    }

    /** gethostname(2) as Java offers it, else /etc/hostname; never a reverse DNS lookup of an address. */
    static String lookUpHostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            if (name != null && !name.isBlank()) {
                return name;
            }
        } catch (IOException e) {
            // an unresolvable host name: read it where the system keeps it
        }
        try {
            String name = Files.readString(Path.of("/etc/hostname")).trim();
            if (!name.isBlank()) {
                return name;
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return "localhost";
    }
}
