package io.kumo.network.domain;

/** What a port's owner (or, for the binding, an admin or service) sets and updates. */
public record PortAttributes(String name, String description, boolean adminStateUp, String deviceId,
        String deviceOwner, String bindingHostId, boolean portSecurityEnabled, java.util.List<AddressPair> allowedAddressPairs) {
}
