package io.kumo.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlacementInputTest {

    @Test
    void capacityIsTotalLessReservedTimesRatioAndUnitsAreEnforced() {
        Inventory vcpu = new Inventory(8, 2, 1, 4, 1, 16.0);
        assertThat(vcpu.capacity()).isEqualTo(96);
        assertThat(vcpu.refusal(4, 92)).isNull();
        assertThat(vcpu.refusal(4, 93)).startsWith("capacity 96 exceeded");
        assertThat(vcpu.refusal(5, 0)).isEqualTo("above max_unit 4");
        assertThat(new Inventory(1024, 0, 256, 1024, 256, 1.0).refusal(300, 0)).contains("step_size");
    }

    @Test
    void invalidInventoriesAreRefused() {
        assertThatThrownBy(() -> Inventory.withDefaults(-1, null, null, null, null, null))
                .isInstanceOf(PlacementException.class).hasMessageContaining("'total' must be at least 1");
        assertThatThrownBy(() -> Inventory.withDefaults(4, 5, null, null, null, null))
                .hasMessageContaining("reserved value (5) is greater than the total (4)");
        assertThatThrownBy(() -> Inventory.withDefaults(4, 0, null, null, null, 0.0))
                .hasMessageContaining("allocation_ratio");
        assertThatThrownBy(() -> Inventory.withDefaults(4, 0, 3, 2, null, null)).hasMessageContaining("min_unit");
        assertThat(Inventory.withDefaults(4, null, null, null, null, null))
                .isEqualTo(new Inventory(4, 0, 1, Inventory.MAX, 1, 1.0));
    }

    @Test
    void queryParametersParseAsPlacementDoes() {
        ResourceRequest request = ResourceRequest.parse("VCPU:2,MEMORY_MB:1024", List.of("COMPUTE_QEMU,!CUSTOM_SLOW"),
                List.of("in:11111111-1111-1111-1111-111111111111,22222222222222222222222222222222"));
        assertThat(request.resources()).isEqualTo(Map.of("VCPU", 2, "MEMORY_MB", 1024));
        assertThat(request.required()).containsExactly("COMPUTE_QEMU");
        assertThat(request.forbidden()).containsExactly("CUSTOM_SLOW");
        assertThat(request.memberOf()).containsExactly(Set.of("11111111-1111-1111-1111-111111111111",
                "22222222222222222222222222222222"));
        assertThatThrownBy(() -> ResourceRequest.parse("VCPU:0", null, null)).hasMessageContaining("Badly formed");
        assertThatThrownBy(() -> ResourceRequest.parse("VCPU", null, null)).hasMessageContaining("Badly formed");
        assertThatThrownBy(() -> ResourceRequest.parse("VCPU:1", List.of("A,!A"), null))
                .hasMessageContaining("Conflicting required and forbidden");
        assertThatThrownBy(() -> ResourceRequest.parse("VCPU:1", null, List.of("not-a-uuid")))
                .hasMessageContaining("member_of");
    }

    @Test
    void uuidsAreCanonicalised() {
        assertThat(Uuids.canonical("22222222222222222222222222222222")).isEqualTo("22222222-2222-2222-2222-222222222222");
        assertThat(Uuids.canonical("ABCDEF00-0000-0000-0000-000000000000")).isEqualTo("abcdef00-0000-0000-0000-000000000000");
        assertThat(Uuids.canonical("nope")).isNull();
    }
}
