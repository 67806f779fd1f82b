package io.kumo.compute.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerTest {

    private final Instant now = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void aPlacedServerShowsItsHostsZoneButARescheduleAsksForTheZoneTheCreateAskedFor() {
        Server anyZone = building(null).placedOn("h1", "rp-1", "zone-of-h1", now);
        Server fixedZone = building("az-2").placedOn("h2", "rp-2", "az-2", now);

        assertThat(anyZone.availabilityZone()).isEqualTo("zone-of-h1");
        assertThat(anyZone.rescheduled(now).availabilityZone()).as("not confined to the failed host's zone").isNull();
        assertThat(anyZone.rescheduled(now).requestedZone()).isNull();
        assertThat(fixedZone.rescheduled(now).availabilityZone()).isEqualTo("az-2");
        assertThat(anyZone.rescheduled(now).host()).isNull();
        assertThat(anyZone.rescheduled(now).buildAttempt()).isEqualTo(2);
    }

    private Server building(String requestedZone) {
        return new Server("s-1", "p", "u", "vm", "vm", new Flavor("m1.tiny", "m1.tiny", 1, 512, 1, 0, 0, 1.0, true, false,
                Map.of()), "img", null, null, null, null, false, requestedZone, 0, "r-1", VmState.BUILDING,
                TaskState.SCHEDULING, 0, null, null, 1, now, "req-1", null, now, now, null, null, 0, Map.of(),
                List.of(), List.of("default"), requestedZone);
    }
}
