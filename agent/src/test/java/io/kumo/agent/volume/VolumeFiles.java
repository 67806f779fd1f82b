package io.kumo.agent.volume;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Reads and writes inside volume files as a guest would, and how much disk they take. */
final class VolumeFiles {

    private VolumeFiles() {
    }

    static void write(Path file, long offset, String text) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            raf.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    static byte[] read(Path file, long offset, int length) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[length];
            raf.seek(offset);
            raf.readFully(bytes);
            return bytes;
        }
    }

    static String readString(Path file, long offset, int length) throws IOException {
        return new String(read(file, offset, length), StandardCharsets.UTF_8);
    }

    /** The disk blocks the file takes (st_blocks × 512), which Java's file attributes do not show. */
    static long allocatedBytes(Path file) {
        return Long.parseLong(run(List.of("stat", "-c", "%b", file.toString())).strip()) * 512;
    }

    static String run(List<String> command) {
        return run(command, true);
    }

    /** What the command printed (stdout and stderr); a non-zero exit fails the test only when {@code mustSucceed}. */
    static String run(List<String> command, boolean mustSucceed) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0 && mustSucceed) {
                throw new AssertionError(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
