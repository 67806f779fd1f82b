package io.kumo.compute.application;

import java.util.List;
import java.util.Map;

/**
 * A validated-for-shape {@code POST /servers} body; the references in it are checked by ServerCreation.
 *
 * @param networks requested networks (uuid and optional fixed_ip); empty means "the one network the project has"
 * @param group    the server group of the {@code group} scheduler hint, or null
 */
public record ServerRequest(String name, String flavorRef, String imageRef, List<RequestedNetwork> networks,
        String keyName, String userData, boolean configDrive, Map<String, String> metadata,
        List<String> securityGroups, String availabilityZone, int minCount, int maxCount, String group) {

    public record RequestedNetwork(String uuid, String fixedIp) {
    }
}
