package io.kumo.compute.application;

import java.util.List;
import java.util.Map;

/**
 * A validated-for-shape {@code POST /servers} body; the references in it are checked by ServerCreation.
 *
 * @param networks requested networks (uuid and optional fixed_ip, or a port); empty means "the one network
 *                 the project has"
 * @param hints    the scheduler hints (group, same_host, different_host)
 */
public record ServerRequest(String name, String flavorRef, String imageRef, List<RequestedNetwork> networks,
        String keyName, String userData, boolean configDrive, Map<String, String> metadata,
        List<String> securityGroups, String availabilityZone, int minCount, int maxCount,
        SchedulerHints hints) {

    /** A network to make a port on (with an optional fixed_ip), or a port the user made ({@code port}). */
    public record RequestedNetwork(String uuid, String fixedIp, String port) {
    }
}
