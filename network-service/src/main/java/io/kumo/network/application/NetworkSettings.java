package io.kumo.network.application;

/**
 * Deployment settings the use cases need.
 *
 * @param mtu     the physical networks' MTU; VXLAN networks get 50 bytes less
 * @param baseMac the MAC prefix of ports (Neutron's {@code base_mac})
 */
public record NetworkSettings(int mtu, String baseMac) {
}
