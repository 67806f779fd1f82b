package io.kumo.common.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ErrorFamilyTest {

    @Test
    void keystoneErrorsCarryCodeMessageAndTitle() {
        assertThat(ErrorFamily.KEYSTONE.body(HttpStatus.NOT_FOUND, "Could not find project: x.", "req-1"))
                .isEqualTo(Map.of("error", Map.of("code", 404, "message", "Could not find project: x.", "title", "Not Found")));
    }

    @Test
    void novaErrorsAreKeyedByKind() {
        assertThat(ErrorFamily.NOVA.body(HttpStatus.NOT_FOUND, "m", "r")).containsOnlyKeys("itemNotFound");
        assertThat(ErrorFamily.NOVA.body(HttpStatus.CONFLICT, "m", "r")).containsOnlyKeys("conflictingRequest");
        assertThat(ErrorFamily.NOVA.body(HttpStatus.BAD_REQUEST, "m", "r")).containsOnlyKeys("badRequest");
    }

    @Test
    void neutronAndPlacementShapes() {
        assertThat(ErrorFamily.NEUTRON.body(HttpStatus.NOT_FOUND, "m", "r"))
                .isEqualTo(Map.of("NeutronError", Map.of("type", "NotFound", "message", "m", "detail", "")));
        assertThat(ErrorFamily.PLACEMENT.body(HttpStatus.CONFLICT, "m", "req-9", "placement.concurrent_update"))
                .isEqualTo(Map.of("errors", List.of(Map.of("status", 409, "title", "Conflict", "detail", "m",
                        "code", "placement.concurrent_update", "request_id", "req-9"))));
        assertThat(ErrorFamily.PLACEMENT.body(HttpStatus.NOT_FOUND, "m", "req-9")).isEqualTo(Map.of("errors",
                List.of(Map.of("status", 404, "title", "Not Found", "detail", "m", "code", "placement.undefined_code",
                        "request_id", "req-9"))));
    }

    @Test
    void glanceErrorsAreWebobsJsonRendering() {
        assertThat(ErrorFamily.GLANCE.body(HttpStatus.NOT_FOUND, "No image found with ID x", "r")).isEqualTo(
                Map.of("message", "No image found with ID x", "code", "404 Not Found", "title", "Not Found"));
    }
}
