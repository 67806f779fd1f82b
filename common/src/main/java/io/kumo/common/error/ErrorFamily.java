package io.kumo.common.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The error body each OpenStack project uses. Clients mostly act on the status code, but the CLI
 * prints the message, so each family keeps its project's exact keys.
 */
public enum ErrorFamily {
    /** Keystone: {"error": {"code": 404, "message": "...", "title": "Not Found"}}. */
    KEYSTONE {
        @Override
        public Map<String, Object> body(HttpStatus status, String message, String requestId) {
            return Map.of("error", ordered("code", status.value(), "message", message, "title", status.getReasonPhrase()));
        }
    },
    /** Nova and Cinder: {"itemNotFound": {"code": 404, "message": "..."}}. */
    NOVA {
        @Override
        public Map<String, Object> body(HttpStatus status, String message, String requestId) {
            return Map.of(novaKey(status), ordered("code", status.value(), "message", message));
        }
    },
    /** Neutron: {"NeutronError": {"type": "NetworkNotFound", "message": "...", "detail": ""}}. */
    NEUTRON {
        @Override
        public Map<String, Object> body(HttpStatus status, String message, String requestId) {
            String type = status.getReasonPhrase().replace(" ", "");
            return Map.of("NeutronError", ordered("type", type, "message", message, "detail", ""));
        }
    },
    /**
     * Glance (a webob error rendered as JSON): {"message": "...", "code": "404 Not Found", "title": "Not Found"}
     * at the top level, the code being the status line.
     */
    GLANCE {
        @Override
        public Map<String, Object> body(HttpStatus status, String message, String requestId) {
            return ordered("message", message, "code", status.value() + " " + status.getReasonPhrase(),
                    "title", status.getReasonPhrase());
        }
    },
    /**
     * Placement: {"errors": [{"status": 409, "title": "Conflict", "detail": "...", "code":
     * "placement.concurrent_update", "request_id": "..."}]}; the code is what clients act on (1.23).
     */
    PLACEMENT {
        @Override
        public Map<String, Object> body(HttpStatus status, String message, String requestId) {
            return body(status, message, requestId, null);
        }

        @Override
        public Map<String, Object> body(HttpStatus status, String message, String requestId, String code) {
            return Map.of("errors", List.of(ordered("status", status.value(), "title", status.getReasonPhrase(),
                    "detail", message, "code", code == null ? "placement.undefined_code" : code,
                    "request_id", requestId)));
        }
    };

    public abstract Map<String, Object> body(HttpStatus status, String message, String requestId);

    /** The body with a machine-readable error code, for the APIs that have them; others ignore it. */
    public Map<String, Object> body(HttpStatus status, String message, String requestId, String code) {
        return body(status, message, requestId);
    }

    private static String novaKey(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "badRequest";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "itemNotFound";
            case METHOD_NOT_ALLOWED -> "badMethod";
            case NOT_ACCEPTABLE -> "notAcceptable";
            case CONFLICT -> "conflictingRequest";
            case CONTENT_TOO_LARGE -> "overLimit";
            case UNSUPPORTED_MEDIA_TYPE -> "badMediaType";
            case TOO_MANY_REQUESTS -> "overLimit";
            case NOT_IMPLEMENTED -> "notImplemented";
            default -> status.is5xxServerError() ? "computeFault" : "badRequest";
        };
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
