package io.kumo.common.test;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real identity-service, started once per test JVM as its own process from the jar the reactor
 * built (as {@code ./kumo up} runs it), on a free port and a fresh database of the shared MariaDB.
 * Other services' integration tests get real tokens, real JWKS and a real catalog from it — the same
 * path openstack4j and the CLI take.
 */
public final class IdentityProcess {

    public static final String ADMIN_PASSWORD = "admin-pass-it";
    public static final String DEMO_PASSWORD = "demo-pass-it";
    public static final String SERVICE_PASSWORD = "service-pass-it";

    private static IdentityProcess shared;

    private final int port;
    private final Process process;

    private IdentityProcess(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /**
     * The identity of this test JVM, started on first use.
     *
     * @param database     the database it gets (dropped and recreated)
     * @param endpointUrls catalog type to URL of the services under test (e.g. image to its port)
     */
    public static synchronized IdentityProcess shared(String database, Map<String, String> endpointUrls) {
        if (shared == null) {
            shared = start(database, endpointUrls);
            Runtime.getRuntime().addShutdownHook(new Thread(shared.process::destroy));
        }
        return shared;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private static IdentityProcess start(String database, Map<String, String> endpointUrls) {
        String jar = System.getProperty("kumo.test.identity.jar", "../identity-service/target/identity-service-0.1.0-SNAPSHOT.jar");
        if (!new File(jar).isFile()) {
            throw new IllegalStateException("No identity-service jar at " + jar
                    + ": build it first (mvn verify from the project root builds it before this module)");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:+UseSerialGC", "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-jar", jar,
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--spring.datasource.url=" + TestInfrastructure.freshDatabase(database),
                "--spring.datasource.username=" + TestInfrastructure.dbUser(),
                "--spring.datasource.password=" + TestInfrastructure.dbPassword(),
                "--spring.rabbitmq.addresses=" + TestInfrastructure.amqpUrl(),
                "--identity.bootstrap.admin-password=" + ADMIN_PASSWORD,
                "--identity.bootstrap.service-password=" + SERVICE_PASSWORD,
                "--identity.bootstrap.demo-user=demo",
                "--identity.bootstrap.demo-password=" + DEMO_PASSWORD,
                "--identity.bootstrap.endpoint-urls.identity=http://127.0.0.1:" + port + "/v3",
                "--identity.bcrypt-strength=4",
                "--identity.auth-rate-limit.per-second=0"));
        endpointUrls.forEach((type, url) -> command.add("--identity.bootstrap.endpoint-urls." + type + "=" + url));
        try {
            Path log = Files.createTempFile("kumo-identity-it-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            waitUntilReady(port, process, log);
            return new IdentityProcess(port, process);
        } catch (IOException e) {
            throw new IllegalStateException("could not start identity-service: " + e.getMessage(), e);
        }
    }

    private static void waitUntilReady(int port, Process process, Path log) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("identity-service exited; its log: " + log + "\n" + tail(log));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(
                        "http://127.0.0.1:" + port + "/actuator/health/readiness").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroy();
        throw new IllegalStateException("identity-service was not ready within 120 s; its log: " + log);
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
