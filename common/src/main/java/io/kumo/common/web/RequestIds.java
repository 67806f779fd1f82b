package io.kumo.common.web;

import java.util.UUID;
import org.slf4j.MDC;

/** The OpenStack request id of the request being served ({@code req-<uuid>}), also kept in the log MDC. */
public final class RequestIds {

    public static final String HEADER = "X-OpenStack-Request-Id";
    static final String MDC_KEY = "request_id";

    private RequestIds() {
    }

    public static String newId() {
        return "req-" + UUID.randomUUID();
    }

    /** The current request's id, or null outside a request. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
