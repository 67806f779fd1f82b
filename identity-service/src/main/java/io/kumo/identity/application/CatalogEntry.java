package io.kumo.identity.application;

import java.util.List;

/** One service of a token's catalog with the endpoints the token may use. */
public record CatalogEntry(String id, String type, String name, List<CatalogEndpoint> endpoints) {

    public record CatalogEndpoint(String id, String iface, String regionId, String url) {
    }
}
