package io.kumo.compute.domain;

import io.kumo.common.error.ApiException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/**
 * An OpenSSH public key line ({@code ssh-ed25519 AAAA... comment}), checked the way Nova checks an
 * imported key: a known type whose base64 blob starts with that same type. The fingerprint is
 * Nova's: MD5 of the blob, as colon-separated hex pairs.
 */
public record SshPublicKey(String type, byte[] blob, String line) {

    private static final Set<String> TYPES = Set.of("ssh-rsa", "ssh-dss", "ssh-ed25519", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com",
            "sk-ecdsa-sha2-nistp256@openssh.com");

    public static SshPublicKey parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid();
        }
        String line = text.strip();
        String[] parts = line.split("\\s+");
        if (parts.length < 2 || !TYPES.contains(parts[0])) {
            throw invalid();
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!parts[0].equals(leadingString(blob))) {
            throw invalid();
        }
        return new SshPublicKey(parts[0], blob, line);
    }

    public String fingerprint() {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(blob);
            return HexFormat.ofDelimiter(":").formatHex(md5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    /** The first length-prefixed string of an SSH wire blob, or null when the blob is too short. */
    private static String leadingString(byte[] blob) {
        if (blob.length < 4) {
            return null;
        }
        int length = ByteBuffer.wrap(blob, 0, 4).getInt();
        if (length <= 0 || length > blob.length - 4) {
            return null;
        }
        return new String(blob, 4, length, StandardCharsets.US_ASCII);
    }

    private static ApiException invalid() {
        return ApiException.badRequest("Keypair data is invalid: failed to generate fingerprint");
    }
}
