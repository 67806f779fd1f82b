package io.kumo.compute.domain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * A key pair made by the server when the caller sends no public key (what microversion 2.1 clients such
 * as OSC 6.0.0 rely on): RSA 2048 like Nova's. The private key is handed out once, in PKCS#8 PEM, which
 * OpenSSH reads, and never stored.
 */
public record GeneratedKeyPair(String publicKeyLine, String privateKeyPem) {

    public static GeneratedKeyPair rsa(String comment) {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
        RSAPublicKey rsa = (RSAPublicKey) pair.getPublic();
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        writeString(blob, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
        writeString(blob, rsa.getPublicExponent().toByteArray());
        writeString(blob, rsa.getModulus().toByteArray());
        String publicLine = "ssh-rsa " + Base64.getEncoder().encodeToString(blob.toByteArray()) + " " + comment;
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return new GeneratedKeyPair(publicLine, pem);
    }

    /** SSH wire strings and mpints alike: a 4-byte big-endian length, then the bytes. */
    private static void writeString(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

}
