package io.kumo.agent.driver.runc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OciSpecsTest {

    @Test
    void btrfsSubvolumeAndSnapshotIoctlsAreRefusedInsideContainersAndNothingElse() {
        Map<String, Object> seccomp = OciSpecs.seccomp();

        assertThat(seccomp).containsEntry("defaultAction", "SCMP_ACT_ALLOW");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rules = (List<Map<String, Object>>) seccomp.get("syscalls");
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule).containsEntry("names", List.of("ioctl")).containsEntry("action", "SCMP_ACT_ERRNO");
        });
        // _IOW(0x94, nr, struct btrfs_ioctl_vol_args{,_v2}: 4096 bytes) = 0x40000000 | 4096 << 16 | 0x94 << 8 | nr
        List<Long> values = rules.stream().map(rule -> ((Number) ((Map<?, ?>) ((List<?>) rule.get("args")).get(0))
                .get("value")).longValue()).toList();
        assertThat(values).containsExactly(iow(1), iow(14), iow(15), iow(23), iow(24), iow(63));
    }

    private static Long iow(int nr) {
        return 0x40000000L | 4096L << 16 | 0x94L << 8 | nr;
    }
}
