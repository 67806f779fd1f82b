package io.kumo.dashboard.cloud;

/** One rule of a security group, as Neutron gives it (null protocol/ports/remote: any). */
public record SecurityRule(String id, String groupId, String groupName, String direction, String etherType,
        String protocol, Integer portMin, Integer portMax, String remote) {

    public String ports() {
        if (portMin == null && portMax == null) {
            return "any";
        }
        return portMin != null && portMin.equals(portMax) ? String.valueOf(portMin) : portMin + "–" + portMax;
    }
}
