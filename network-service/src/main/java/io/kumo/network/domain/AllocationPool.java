package io.kumo.network.domain;

/** A range of addresses of a subnet that ports get their IPs from ({@code start}..{@code end}, inclusive). */
public record AllocationPool(long start, long end) {

    public boolean contains(long address) {
        return address >= start && address <= end;
    }

    public boolean overlaps(AllocationPool other) {
        return start <= other.end && other.start <= end;
    }
}
