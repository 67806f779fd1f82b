package io.kumo.image.api;

import io.kumo.common.error.ApiException;
import org.springframework.http.HttpStatus;

/** A PATCH that is not a Glance JSON-patch: 415, with an {@code Accept-Patch} header naming the two that are. */
final class UnsupportedPatchType extends ApiException {

    static final String ACCEPT_PATCH = JsonPatchRequest.V2_0 + ", " + JsonPatchRequest.V2_1;

    UnsupportedPatchType(String contentType) {
        super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Content-Type " + contentType
                + ": use one of " + ACCEPT_PATCH + ".");
    }
}
