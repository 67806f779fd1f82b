package io.kumo.common.error;

import io.kumo.common.web.RequestBodyTooLargeException;
import jakarta.validation.ConstraintViolationException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into the service's OpenStack error shape. Client mistakes become 4xx with a
 * message that says what to fix; anything unexpected is logged and answered with a bare 500.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ErrorResponseWriter writer;

    public ApiExceptionHandler(ErrorResponseWriter writer) {
        this.writer = writer;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e) {
        return respond(e.status(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e) {
        if (RequestBodyTooLargeException.isCauseOf(e)) {
            return respond(HttpStatus.CONTENT_TOO_LARGE, e.getMostSpecificCause().getMessage());
        }
        return respond(HttpStatus.BAD_REQUEST, "Malformed request body: the body must be valid JSON of the expected shape.");
    }

    /** JSON a controller parsed itself (a body type the converters do not know as JSON). */
    @ExceptionHandler(tools.jackson.core.JacksonException.class)
    ResponseEntity<Object> malformedJson(tools.jackson.core.JacksonException e) {
        return respond(HttpStatus.BAD_REQUEST, "Malformed JSON in request body.");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Object> invalid(MethodArgumentNotValidException e) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(f -> "'" + f.getField() + "' " + f.getDefaultMessage())
                .collect(Collectors.joining("; "));
        return respond(HttpStatus.BAD_REQUEST, "Invalid input: " + detail + ".");
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Object> invalidParameters(HandlerMethodValidationException e) {
        return respond(HttpStatus.BAD_REQUEST, "Invalid input: " + e.getMessage());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraint(ConstraintViolationException e) {
        return respond(HttpStatus.BAD_REQUEST, "Invalid input: " + e.getMessage());
    }

    @ExceptionHandler({MissingRequestHeaderException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<Object> badParameter(Exception e) {
        return respond(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Content-Type " + e.getContentType() + ".");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(HttpStatus.NOT_ACCEPTABLE, "The requested media type is not available.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> method(HttpRequestMethodNotSupportedException e) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "The method " + e.getMethod() + " is not allowed for this resource.");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> noResource(NoResourceFoundException e) {
        return respond(HttpStatus.NOT_FOUND, "The resource could not be found.");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> duplicate(DataIntegrityViolationException e) {
        log.info("Refused write that violates a constraint: {}", e.getMostSpecificCause().getMessage());
        return respond(HttpStatus.CONFLICT,
                "Conflict occurred attempting to store the resource: it duplicates an existing one or refers to one that does not exist.");
    }

    /** A lost optimistic lock, a deadlock or a lock wait timeout: the request raced another; it may be retried. */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<Object> concurrentUpdate(ConcurrencyFailureException e) {
        log.info("Refused a write that lost a race: {}", e.getMostSpecificCause().toString());
        return respond(HttpStatus.CONFLICT, "The resource was changed by another request at the same time; retry.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error prevented the server from fulfilling your request.");
    }

    private ResponseEntity<Object> respond(HttpStatusCode status, String message) {
        HttpStatus resolved = HttpStatus.valueOf(status.value());
        HttpHeaders headers = new HttpHeaders();
        return new ResponseEntity<>(writer.body(resolved, message), headers, resolved);
    }
}
