package io.kumo.image.api;

import io.kumo.common.error.ApiException;

/**
 * One HTTP byte range of image data ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}); no header
 * means the whole image. Several ranges at once are refused (400), as Glance does.
 */
record ByteRange(long start, long end, boolean partial) {

    long length() {
        return end - start + 1;
    }

    /** The range to send, or null when it cannot be satisfied (416). */
    static ByteRange parse(String header, long size) {
        if (header == null || header.isBlank()) {
            return new ByteRange(0, size - 1, false);
        }
        String spec = header.trim();
        if (!spec.startsWith("bytes=")) {
            return null;
        }
        spec = spec.substring("bytes=".length()).trim();
        if (spec.contains(",")) {
            throw ApiException.badRequest("Multiple ranges are not supported: ask for one byte range.");
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String first = spec.substring(0, dash).trim();
            String last = spec.substring(dash + 1).trim();
            if (first.isEmpty()) {
                long suffix = Long.parseLong(last);
                return suffix <= 0 || size == 0 ? null : new ByteRange(Math.max(0, size - suffix), size - 1, true);
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
            return start >= size || end < start ? null : new ByteRange(start, end, true);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
