package io.kumo.agent.driver;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the host's own tools (runc, ip, mount, mkfs, tar) for a driver: each command with a deadline, its
 * output captured, a non-zero exit a {@link HostCommandFailed} naming the command and what it printed.
 * Arguments are passed as a list, never through a shell, so no name or path from a request is ever
 * interpreted.
 */
public class HostCommands {

    private final Duration defaultTimeout;

    public HostCommands(Duration defaultTimeout) {
        this.defaultTimeout = defaultTimeout;
    }

    /** Runs the command and returns what it printed on stdout. */
    public String run(List<String> command) {
        return run(command, defaultTimeout, null);
    }

    /** Runs the command; when {@code output} is set, its stdout and stderr are appended to that file. */
    public String run(List<String> command, Duration timeout, Path output) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        File captured = null;
        try {
            if (output != null) {
                builder.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
                builder.redirectError(ProcessBuilder.Redirect.appendTo(output.toFile()));
            } else {
                captured = File.createTempFile("kumo-cmd", ".out");
                builder.redirectErrorStream(true).redirectOutput(captured);
            }
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new HostCommandFailed(command, -1, "did not finish within " + timeout);
            }
            String printed = captured == null ? FileTail.of(output, 2000) : Files.readString(captured.toPath(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new HostCommandFailed(command, process.exitValue(), printed.strip());
            }
            return printed;
        } catch (IOException e) {
            throw new HostCommandFailed(command, -1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostCommandFailed(command, -1, "interrupted");
        } finally {
            if (captured != null && !captured.delete()) {
                captured.deleteOnExit();
            }
        }
    }

    /** A host command that failed: which, its exit code (-1: it did not run to its end) and what it printed. */
    public static final class HostCommandFailed extends RuntimeException {

        private final int exitCode;
        private final String printed;

        public HostCommandFailed(List<String> command, int exitCode, String printed) {
            super(String.join(" ", command) + " failed" + (exitCode >= 0 ? " (exit " + exitCode + ")" : "") + ": "
                    + printed);
            this.exitCode = exitCode;
            this.printed = printed;
        }

        public int exitCode() {
            return exitCode;
        }

        /** What the command printed before it failed. */
        public String printed() {
            return printed;
        }
    }
}
