package io.kumo.agent.network;

/** The host end of a port's NIC, named as Nova names it: {@code tap} and the port id's first 11 characters. */
public final class TapNames {

    private TapNames() {
    }

    public static String of(String portId) {
        return "tap" + portId.substring(0, Math.min(11, portId.length()));
    }
}
