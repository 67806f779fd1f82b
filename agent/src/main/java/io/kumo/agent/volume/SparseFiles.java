package io.kumo.agent.volume;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What the backends that keep a volume as one raw file do to it: grow it by a hole, so that a blank volume or an
 * extend takes no space until the guest writes, and flush it before it is renamed to its final name, so that a
 * crash never leaves a volume whose data is not on disk under that name.
 */
final class SparseFiles {

    private SparseFiles() {
    }

    /** Makes the file {@code bytes} long if it is shorter (a hole at its end: nothing is written). */
    static void grow(Path file, long bytes) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            if (raf.length() < bytes) {
                raf.setLength(bytes);
            }
        }
    }

    /** Flushes the file's data; read-only access suffices, so it works on a file in a read-only snapshot too. */
    static void flush(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
