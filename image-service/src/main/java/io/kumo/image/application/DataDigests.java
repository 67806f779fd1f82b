package io.kumo.image.application;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Glance's two hashes of image data: {@code checksum} (MD5, legacy) and {@code os_hash_value} (SHA-512). */
final class DataDigests {

    static final String HASH_ALGO = "sha512";

    private final MessageDigest md5 = digest("MD5");
    private final MessageDigest sha512 = digest("SHA-512");

    void update(byte[] buffer, int offset, int length) {
        md5.update(buffer, offset, length);
        sha512.update(buffer, offset, length);
    }

    String md5Hex() {
        return HexFormat.of().formatHex(md5.digest());
    }

    String sha512Hex() {
        return HexFormat.of().formatHex(sha512.digest());
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
