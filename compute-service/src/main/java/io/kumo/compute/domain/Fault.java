package io.kumo.compute.domain;

import java.time.Instant;

/** Why a server is in ERROR, as {@code fault} shows it: Nova's code (500 for a failed build), message and details. */
public record Fault(int code, String message, String details, Instant created) {

    /** Nova keeps the message short (255) and the rest in details. */
    public static Fault of(int code, String message, String details, Instant created) {
        String shortMessage = message.length() > 255 ? message.substring(0, 255) : message;
        return new Fault(code, shortMessage, details == null ? "" : details, created);
    }
}
