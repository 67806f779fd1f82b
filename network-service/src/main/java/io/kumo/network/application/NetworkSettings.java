package io.kumo.network.application;

/**
 * Deployment settings the use cases need.
 *
 * @param mtu the physical networks' MTU; VXLAN networks get 50 bytes less
 */
public record NetworkSettings(int mtu) {
}
