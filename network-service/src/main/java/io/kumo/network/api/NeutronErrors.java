package io.kumo.network.api;

import io.kumo.network.domain.NeutronException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Neutron's errors with their own type names: {"NeutronError": {"type", "message", "detail"}}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class NeutronErrors {

    @ExceptionHandler(NeutronException.class)
    ResponseEntity<Object> neutron(NeutronException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", e.type());
        error.put("message", e.getMessage());
        error.put("detail", "");
        return ResponseEntity.status(e.status()).body(Map.of("NeutronError", error));
    }
}
