package io.kumo.network.domain;

/**
 * A refusal with Neutron's error type name ({@code NetworkNotFound}, {@code IpAddressGenerationFailure},
 * ...), which clients see as {@code {"NeutronError": {"type": ..., "message": ..., "detail": ""}}}.
 */
public class NeutronException extends RuntimeException {

    private final int status;
    private final String type;

    public NeutronException(int status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public static NeutronException notFound(String type, String message) {
        return new NeutronException(404, type, message);
    }

    public static NeutronException conflict(String type, String message) {
        return new NeutronException(409, type, message);
    }
}
