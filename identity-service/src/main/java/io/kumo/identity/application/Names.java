package io.kumo.identity.application;

import io.kumo.common.error.ApiException;

/** Name rules shared by identity resources. */
final class Names {

    private Names() {
    }

    static void require(String name, String kind, int maxLength) {
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("Invalid input for field 'name': a " + kind + " needs a non-empty name.");
        }
        if (name.length() > maxLength) {
            throw ApiException.badRequest("Invalid input for field 'name': a " + kind + " name is at most "
                    + maxLength + " characters.");
        }
    }
}
