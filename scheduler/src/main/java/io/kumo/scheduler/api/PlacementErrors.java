package io.kumo.scheduler.api;

import io.kumo.common.error.ErrorResponseWriter;
import io.kumo.scheduler.domain.PlacementException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Placement's refusals in its error shape, with the error code clients act on. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlacementErrors {

    private final ErrorResponseWriter writer;

    PlacementErrors(ErrorResponseWriter writer) {
        this.writer = writer;
    }

    @ExceptionHandler(PlacementException.class)
    ResponseEntity<Object> placement(PlacementException e) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        return ResponseEntity.status(status).body(writer.body(status, e.getMessage(), e.code()));
    }
}
