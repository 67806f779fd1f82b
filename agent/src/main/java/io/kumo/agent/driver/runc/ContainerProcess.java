package io.kumo.agent.driver.runc;

import java.util.ArrayList;
import java.util.List;

/**
 * What a container runs: its command line, environment, working directory and user (ids inside the
 * container, before the shift into its range). From the image: its {@code os_command_line} property (which
 * wins), else a Docker/OCI image's configured entrypoint and command, else {@code /sbin/init}.
 */
record ContainerProcess(List<String> args, List<String> env, String cwd, long uid, long gid) {

    static final String DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    static final List<String> DEFAULT_ENV = List.of(DEFAULT_PATH, "TERM=xterm", "container=kumo");
    static final List<String> INIT = List.of("/sbin/init");

    ContainerProcess {
        args = List.copyOf(args);
        env = env == null ? DEFAULT_ENV : List.copyOf(env);
        cwd = cwd == null || cwd.isBlank() ? "/" : cwd;
    }

    /** The process of a root filesystem tarball: {@code os_command_line} split on spaces, else init. */
    static ContainerProcess of(String commandLine) {
        return new ContainerProcess(commandLine == null || commandLine.isBlank() ? INIT
                : List.of(commandLine.trim().split("\\s+")), DEFAULT_ENV, "/", 0, 0);
    }

    /**
     * The process a Docker/OCI image configures; its environment keeps the image's variables and gains
     * {@code PATH} (when the image sets none) and {@code container=kumo}.
     */
    static ContainerProcess of(OciArchive.ImageConfig config, String commandLine, long uid, long gid) {
        List<String> args = new ArrayList<>(config.entrypoint());
        args.addAll(config.cmd());
        List<String> env = new ArrayList<>(config.env());
        if (env.stream().noneMatch(v -> v.startsWith("PATH="))) {
            env.add(0, DEFAULT_PATH);
        }
        env.add("container=kumo");
        List<String> command = commandLine != null && !commandLine.isBlank()
                ? List.of(commandLine.trim().split("\\s+")) : args.isEmpty() ? INIT : args;
        return new ContainerProcess(command, env, config.workingDir(), uid, gid);
    }
}
