package io.kumo.scheduler.domain;

/**
 * A request placement refuses, with Placement's status and machine-readable error code (clients such
 * as Nova's report client retry on {@code placement.concurrent_update}).
 */
public class PlacementException extends RuntimeException {

    public static final String CONCURRENT_UPDATE = "placement.concurrent_update";
    public static final String DUPLICATE_NAME = "placement.duplicate_name";
    public static final String INVENTORY_IN_USE = "placement.inventory.inuse";
    public static final String PROVIDER_IN_USE = "placement.resource_provider.inuse";
    public static final String CANNOT_DELETE_PARENT = "placement.resource_provider.cannot_delete_parent";
    public static final String PROVIDER_NOT_FOUND = "placement.resource_provider.not_found";
    public static final String UNDEFINED = "placement.undefined_code";

    private final int status;
    private final String code;

    public PlacementException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static PlacementException badRequest(String message) {
        return new PlacementException(400, UNDEFINED, message);
    }

    public static PlacementException notFound(String message) {
        return new PlacementException(404, UNDEFINED, message);
    }

    public static PlacementException conflict(String code, String message) {
        return new PlacementException(409, code, message);
    }

    public static PlacementException concurrentUpdate(String what) {
        return conflict(CONCURRENT_UPDATE, what + " was changed by another request: its generation no longer"
                + " matches. Read it again and retry.");
    }
}
