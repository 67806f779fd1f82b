package io.kumo.image.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DataDigestsTest {

    @Test
    void hashingOnTwoThreadsGivesTheSameDigestsAsOneWithAlternatingBuffers() throws Exception {
        byte[] data = new byte[5 * 1024 * 1024 + 123];
        new Random(3).nextBytes(data);
        DataDigests digests = new DataDigests();
        byte[][] buffers = {new byte[64 * 1024], new byte[64 * 1024]};
        int chunk = 0;
        for (int at = 0; at < data.length; at += 64 * 1024, chunk++) {
            byte[] buffer = buffers[chunk % 2];
            int n = Math.min(buffer.length, data.length - at);
            System.arraycopy(data, at, buffer, 0, n);
            digests.update(buffer, 0, n);
        }
        assertThat(digests.md5Hex()).isEqualTo(hex("MD5", data));
        assertThat(digests.sha512Hex()).isEqualTo(hex("SHA-512", data));
    }

    private static String hex(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }
}
