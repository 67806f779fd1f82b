package io.kumo.common.contract.host;

import io.kumo.common.contract.MessageType;

/**
 * The reply to {@link GetDiagnostics}.
 *
 * @param driver the host's driver ({@code libvirt}, {@code runc}, {@code fake})
 * @param stats  what the instance uses; null when {@code error} is set
 * @param error  null on success, else why there are no figures (the instance is not on the host, ...)
 */
@MessageType(name = "Diagnostics", version = 1)
public record Diagnostics(String instanceUuid, String host, String driver, InstanceStats stats, String error) {
}
