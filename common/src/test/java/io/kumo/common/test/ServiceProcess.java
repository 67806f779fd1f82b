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

/**
 * A Kumo service started from its built jar as a process of its own — as {@code ./kumo up} and
 * production run it — with its own heap, on a free port, waited for until it reports ready.
 */
public final class ServiceProcess implements AutoCloseable {

    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * @param jar       the repackaged Spring Boot jar
     * @param maxHeap   the {@code -Xmx} value, e.g. {@code 256m}
     * @param arguments Spring arguments ({@code --name=value}); {@code --server.port} is added
     */
    public static ServiceProcess start(String jar, String maxHeap, int port, List<String> arguments) {
        if (!new File(jar).isFile()) {
            throw new IllegalStateException("No jar at " + jar
                    + ": build it first (mvn verify from the project root builds every service before its tests)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx" + maxHeap, "-XX:TieredStopAtLevel=1", "-jar", jar,
                "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(arguments);
        try {
            Path log = Files.createTempFile("kumo-" + new File(jar).getName() + "-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ServiceProcess started = new ServiceProcess(port, process, log);
            started.waitUntilReady();
            return started;
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + jar + ": " + e.getMessage(), e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Kills the process at once (SIGKILL), as a crash or a power cut would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Shared processes (one per test JVM) end with the JVM: a process left running would keep consuming
     * from the shared queues of the next run and take its messages.
     */
    public void destroyOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    }

    private void waitUntilReady() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited; its log " + log + ":\n" + tail());
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/actuator/health/readiness").toURL()
                        .openConnection();
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
        close();
        throw new IllegalStateException("the service was not ready within 120 s; its log: " + log);
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
