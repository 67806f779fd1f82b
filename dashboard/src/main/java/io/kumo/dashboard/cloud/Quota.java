package io.kumo.dashboard.cloud;

/**
 * One quota as the overview draws it: what the project uses of what it is allowed ({@code limit} -1: no limit).
 */
public record Quota(String name, long used, long limit, String unit) {

    /** A quota from Nova's or Cinder's absolute limits ({@code limit} -1 when the service gives none). */
    static Quota of(String name, tools.jackson.databind.JsonNode absolute, String used, String limit, String unit) {
        return new Quota(name, absolute.path(used).asLong(), absolute.path(limit).asLong(-1), unit);
    }

    /** The bar's length in percent (0 for no limit). */
    public int percent() {
        return limit <= 0 ? 0 : (int) Math.min(100, Math.round(used * 100.0 / limit));
    }

    public boolean unlimited() {
        return limit < 0;
    }
}
