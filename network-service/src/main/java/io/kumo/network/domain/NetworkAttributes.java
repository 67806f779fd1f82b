package io.kumo.network.domain;

/** What a network's owner sets and updates. */
public record NetworkAttributes(String name, String description, boolean adminStateUp, boolean shared,
        boolean routerExternal, boolean portSecurityEnabled) {
}
