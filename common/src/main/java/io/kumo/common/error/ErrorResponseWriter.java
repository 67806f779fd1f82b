package io.kumo.common.error;

import io.kumo.common.web.RequestIds;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an OpenStack-shaped error straight to the servlet response, for filters that answer before
 * Spring MVC runs (401 from token checks, 413 from body limits).
 */
public class ErrorResponseWriter {

    private final ErrorFamily family;
    private final JsonMapper json;

    public ErrorResponseWriter(ErrorFamily family, JsonMapper json) {
        this.family = family;
        this.json = json;
    }

    public Map<String, Object> body(HttpStatus status, String message) {
        return family.body(status, message, RequestIds.current());
    }

    public Map<String, Object> body(HttpStatus status, String message, String code) {
        return family.body(status, message, RequestIds.current(), code);
    }

    public void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body(status, message));
    }
}
