package io.kumo.compute.domain;

import io.kumo.common.error.ApiException;
import java.util.regex.Pattern;

/** Nova's checks on a new flavor, with its messages: what the flavor-create schema refuses with 400. */
public final class FlavorInput {

    private static final Pattern ID = Pattern.compile("^(?! )[a-zA-Z0-9. _-]+(?<! )$");
    private static final int MAX_INT = Integer.MAX_VALUE;

    private FlavorInput() {
    }

    public static String name(String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("Invalid input for field/attribute name. Value: None. None is not of type 'string'");
        }
        if (name.length() > 255 || !name.strip().equals(name)) {
            throw ApiException.badRequest("Invalid input for field/attribute name. Value: " + name
                    + ". It must be 1 to 255 characters without leading or trailing whitespace.");
        }
        return name;
    }

    /** A flavorid the creator chose: letters, digits, '.', ' ', '_' and '-', at most 255. */
    public static String id(String id) {
        if (id.length() > 255 || !ID.matcher(id).matches()) {
            throw ApiException.badRequest("Invalid input for field/attribute id. Value: " + id
                    + ". Flavor id may only contain letters, digits, '.', '_', '-' and inner spaces.");
        }
        return id;
    }

    public static int atLeast(String field, Integer value, int minimum) {
        if (value == null || value < minimum || value > MAX_INT) {
            throw ApiException.badRequest("Invalid input for field/attribute " + field + ". Value: " + value
                    + ". " + field + " must be an integer from " + minimum + " to " + MAX_INT + ".");
        }
        return value;
    }

    public static double rxtxFactor(Double value) {
        if (value == null || value <= 0 || value > 3.40282e+38) {
            throw ApiException.badRequest("Invalid input for field/attribute rxtx_factor. Value: " + value
                    + ". rxtx_factor must be a number greater than 0.");
        }
        return value;
    }

    /** Extra spec keys and values: 1–255 characters; keys of letters, digits and {@code -_:. }. */
    public static void extraSpec(String key, String value) {
        if (key == null || key.isEmpty() || key.length() > 255 || !key.matches("[\\w.: -]+")) {
            throw ApiException.badRequest("Invalid input for field/attribute extra_specs. Value: " + key
                    + ". Keys must be 1 to 255 letters, digits and '-_:. '.");
        }
        if (value == null || value.length() > 255) {
            throw ApiException.badRequest("Invalid input for field/attribute extra_specs. Value of " + key
                    + " must be a string of at most 255 characters.");
        }
    }
}
