package io.kumo.agent.driver;

/**
 * Makes the driver of one host. Drivers are chosen by a string id from configuration ({@code agent.driver}),
 * each with its own factory (Keycloak's provider pattern), so adding {@code libvirt} or {@code container}
 * touches nothing but a new factory and its registration.
 */
public interface HypervisorDriverFactory {

    /** The id operators configure. */
    String name();

    /** A driver for the named host; each host gets its own instance and state. */
    HypervisorDriver create(String host);
}
