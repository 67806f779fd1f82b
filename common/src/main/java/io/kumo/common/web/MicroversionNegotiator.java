package io.kumo.common.web;

import io.kumo.common.error.ApiException;
import java.util.Locale;

/**
 * Reads the microversion a client asked for from {@code OpenStack-API-Version: <service> <version>}
 * (and a legacy header such as {@code X-OpenStack-Nova-API-Version}), the way Nova does: no header
 * means the minimum, {@code latest} the maximum, a malformed value 400, an unsupported one 406.
 */
public class MicroversionNegotiator {

    public static final String HEADER = "OpenStack-API-Version";

    private final String serviceType;
    private final String legacyHeader;
    private final Microversion min;
    private final Microversion max;

    public MicroversionNegotiator(String serviceType, String legacyHeader, Microversion min, Microversion max) {
        this.serviceType = serviceType;
        this.legacyHeader = legacyHeader;
        this.min = min;
        this.max = max;
    }

    public Microversion negotiate(String standardHeader, String legacyValue) {
        String requested = fromStandard(standardHeader);
        if (requested == null && legacyHeader != null) {
            requested = legacyValue;
        }
        if (requested == null || requested.isBlank()) {
            return min;
        }
        if (requested.trim().equalsIgnoreCase("latest")) {
            return max;
        }
        Microversion version;
        try {
            version = Microversion.parse(requested);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Version " + requested + " is not a valid microversion; use X.Y.");
        }
        if (version.compareTo(min) < 0 || version.compareTo(max) > 0) {
            throw ApiException.notAcceptable("Version " + version + " is not supported by the API. Minimum is "
                    + min + " and maximum is " + max + ".");
        }
        return version;
    }

    /** The value of the standard header for our service type, e.g. "2.1" from "compute 2.1, volume 3.0". */
    private String fromStandard(String header) {
        if (header == null) {
            return null;
        }
        for (String entry : header.split(",")) {
            String[] words = entry.trim().split("\\s+");
            if (words.length == 2 && words[0].toLowerCase(Locale.ROOT).equals(serviceType)) {
                return words[1];
            }
        }
        return null;
    }

    public String serviceType() {
        return serviceType;
    }

    public String legacyHeader() {
        return legacyHeader;
    }

    public Microversion min() {
        return min;
    }

    public Microversion max() {
        return max;
    }
}
