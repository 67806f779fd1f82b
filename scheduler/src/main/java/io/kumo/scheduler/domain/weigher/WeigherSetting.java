package io.kumo.scheduler.domain.weigher;

/** A weigher with the multiplier the operator configured. */
public record WeigherSetting(HostWeigher weigher, double multiplier) {
}
