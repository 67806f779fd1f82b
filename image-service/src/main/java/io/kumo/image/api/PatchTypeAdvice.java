package io.kumo.image.api;

import io.kumo.common.error.ErrorResponseWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Glance answers a PATCH of the wrong type with 415 and the patch types it accepts. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PatchTypeAdvice {

    private final ErrorResponseWriter errors;

    PatchTypeAdvice(ErrorResponseWriter errors) {
        this.errors = errors;
    }

    @ExceptionHandler(UnsupportedPatchType.class)
    ResponseEntity<Object> unsupported(UnsupportedPatchType e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .header("Accept-Patch", UnsupportedPatchType.ACCEPT_PATCH)
                .body(errors.body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage()));
    }
}
