package io.kumo.broker;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.State;
import org.apache.qpid.server.model.SystemConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache Qpid Broker-J, embedded, speaking AMQP 0-9-1 on 127.0.0.1 only.
 *
 * <p>Quickstart stand-in for RabbitMQ used by {@code ./kumo up}: everything (broker config, queues,
 * messages) lives in memory, so a restart starts from an empty broker. Not for production.
 *
 * <p>Configuration: port = first argument, else {@code KUMO_AMQP_PORT}, else 5682;
 * credentials = {@code KUMO_AMQP_USER}/{@code KUMO_AMQP_PASSWORD} (guest/guest);
 * work dir = {@code KUMO_BROKER_WORK_DIR}, else a temp dir deleted on exit.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    /*
     * Initial config (JSON has no comments, so the why lives here):
     * - secureOnlyMechanisms []: Qpid allows SASL PLAIN only over TLS by default, but PLAIN is the only mechanism
     *   the RabbitMQ Java client (Spring AMQP) speaks; we listen on loopback only.
     * - defaultVirtualHostNode + "defaultAlias": Qpid's 0-9-1 layer strips the leading '/' of the vhost name, so
     *   Spring's default vhost "/" arrives as "" and lands on the default node; "nameAlias" keeps "default" working.
     * - context thread pools: Qpid sizes them for a big server (~100 threads, mostly a 64-thread vhost I/O pool);
     *   a few I/O threads easily serve the handful of connections the Kumo services open.
     */
    private static final String CONFIG_RESOURCE = "/kumo-broker-config.json";
    private static final String SYSTEM_PROPERTIES_RESOURCE = "/kumo-broker-system.properties";

    private final int port;
    private final String user;
    private final String password;
    private final Path workDir; // null = use a temp dir
    private final SystemLauncher launcher;
    private volatile SystemConfig<?> systemConfig; // SystemLauncher has no getter; captured via its listener
    private Path tempWorkDir; // only set when we created it, so we never delete a user's dir
    private boolean closed;

    /** @param workDir where Qpid may write; {@code null} = a fresh temp dir, deleted on close */
    public EmbeddedBroker(int port, String user, String password, Path workDir) {
        this.port = port;
        this.user = user;
        this.password = password;
        this.workDir = workDir;
        this.launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void onContainerResolve(SystemConfig<?> config) {
                systemConfig = config;
            }
        });
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args.length > 0 ? args[0] : env("KUMO_AMQP_PORT", "5682"));
        String workDir = env("KUMO_BROKER_WORK_DIR", null);
        EmbeddedBroker broker = new EmbeddedBroker(port, env("KUMO_AMQP_USER", "guest"),
                env("KUMO_AMQP_PASSWORD", "guest"), workDir == null ? null : Path.of(workDir));
        // Registered before start() so a SIGTERM during start-up still removes the temp work dir. Qpid adds its
        // own hook once running (it closes the broker model); close() is idempotent, so both may run.
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kumo-broker-shutdown"));
        broker.start();
        // Qpid's I/O threads are non-daemon and keep the JVM alive; main can simply return.
    }

    /** Starts the broker and returns once the AMQP port is accepting connections. */
    public EmbeddedBroker start() throws Exception {
        Path dir;
        synchronized (this) {
            if (workDir == null) {
                tempWorkDir = Files.createTempDirectory("kumo-broker-");
            }
            dir = workDir == null ? tempWorkDir : Files.createDirectories(workDir);
        }

        // Both as real URLs (jar:nested:... inside the fat jar), never Qpid's own "classpath:" URLs - see the
        // properties file for why.
        URL config = resource(CONFIG_RESOURCE);
        URL systemProperties = resource(SYSTEM_PROPERTIES_RESOURCE);
        // Values go in as Qpid context variables (${...} in the JSON) instead of string-templating the
        // file, so Qpid does the escaping and the password never touches disk.
        Map<String, String> context = new HashMap<>();
        context.put("qpid.amqp_port", Integer.toString(port));
        context.put("qpid.work_dir", dir.toString());
        context.put("kumo.amqp.user", user);
        context.put("kumo.amqp.password", password);

        Map<String, Object> attributes = new HashMap<>();
        // "Memory" system config: the broker model is built from the initial config on every start and never
        // persisted, so changed env vars always take effect and nothing stale accumulates in the work dir.
        attributes.put(SystemConfig.TYPE, "Memory");
        attributes.put(SystemConfig.INITIAL_CONFIGURATION_LOCATION, config.toExternalForm());
        attributes.put(SystemConfig.INITIAL_SYSTEM_PROPERTIES_LOCATION, systemProperties.toExternalForm());
        // Otherwise Qpid prints its BRK-xxxx start-up banner straight to stdout, bypassing logback.
        attributes.put(SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT, false);
        attributes.put(SystemConfig.CONTEXT, context);

        try {
            launcher.startup(attributes);
            checkPortActive();
        } catch (Exception | Error e) {
            close();
            throw e;
        }
        // Launchers (./kumo up) may wait for this exact line as the readiness signal: keep the wording stable.
        LOG.info("Kumo embedded broker ready on 127.0.0.1:{}", port);
        return this;
    }

    public int port() {
        return port;
    }

    /**
     * startup() returns normally even when the port could not be bound (Qpid just marks the Port ERRORED),
     * which would leave a broker that nobody can reach; fail loudly instead.
     */
    private void checkPortActive() {
        Broker<?> broker = (Broker<?>) systemConfig.getContainer();
        Port<?> amqp = broker.getPorts().stream()
                .filter(p -> "AMQP".equals(p.getName()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("AMQP port missing from broker config"));
        if (amqp.getState() != State.ACTIVE) {
            throw new IllegalStateException("AMQP port 127.0.0.1:" + port + " is " + amqp.getState()
                    + " (port already in use?)");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            launcher.shutdown(); // no-op if start() never got as far as creating the broker
        } finally {
            deleteTempWorkDir();
            LOG.info("Kumo embedded broker on 127.0.0.1:{} stopped", port);
        }
    }

    private void deleteTempWorkDir() {
        if (tempWorkDir == null || !Files.exists(tempWorkDir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tempWorkDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete broker work dir {}: {}", tempWorkDir, e.toString());
        }
    }

    private static URL resource(String name) {
        URL url = EmbeddedBroker.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " missing from classpath");
        }
        return url;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
