package io.kumo.agent.driver.runc;

import java.util.BitSet;

/**
 * The host uid/gid ranges containers' user namespaces map to: {@code count} disjoint ranges of {@code size}
 * ids from {@code first}, one per container, so uid 1000 in one container is never the host uid of any
 * user in another (two tenants' processes never share a uid, nor its process limits). A range is the
 * container's for its whole life, restart and agent restart included.
 */
final class IdRanges {

    private final long first;
    private final int size;
    private final BitSet taken;
    private final int count;

    IdRanges(long first, int size, int count) {
        if (first < 65536 || size < 65536 || count < 1) {
            throw new IllegalArgumentException("id ranges start above the host's own ids (first >= 65536) and hold"
                    + " a whole 16-bit range each (size >= 65536)");
        }
        this.first = first;
        this.size = size;
        this.count = count;
        this.taken = new BitSet(count);
    }

    /** The first host id of a free range, now taken. */
    synchronized long take() {
        int slot = taken.nextClearBit(0);
        if (slot >= count) {
            throw new IllegalStateException("all " + count + " container id ranges are in use");
        }
        taken.set(slot);
        return first + (long) slot * size;
    }

    /** Marks the range starting at {@code base} taken (a container found again after a restart). */
    synchronized void adopt(long base) {
        taken.set(slotOf(base));
    }

    synchronized void release(long base) {
        taken.clear(slotOf(base));
    }

    int size() {
        return size;
    }

    private int slotOf(long base) {
        long offset = base - first;
        if (offset < 0 || offset % size != 0 || offset / size >= count) {
            throw new IllegalArgumentException("id " + base + " does not start one of the container ranges");
        }
        return (int) (offset / size);
    }
}
