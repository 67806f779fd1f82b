package io.kumo.agent.network;

/** A link's traffic counters as the kernel keeps them, from the host's side of the link. */
public record LinkCounters(long rxBytes, long rxPackets, long rxErrors, long rxDropped, long txBytes, long txPackets,
        long txErrors, long txDropped) {
}
