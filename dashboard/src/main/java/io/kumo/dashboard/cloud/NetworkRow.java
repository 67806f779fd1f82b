package io.kumo.dashboard.cloud;

import java.util.List;

/** A network the project sees, with its subnets' ranges; {@code shared}/{@code external} ones are not its own. */
public record NetworkRow(String id, String name, String status, boolean shared, boolean external,
        List<String> subnets, boolean own) {

    public NetworkRow {
        subnets = List.copyOf(subnets);
    }
}
