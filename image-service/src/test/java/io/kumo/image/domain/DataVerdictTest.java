package io.kumo.image.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.image.domain.format.DetectedFormat;
import io.kumo.image.domain.format.Inspection;
import org.junit.jupiter.api.Test;

class DataVerdictTest {

    private static final Inspection QCOW2 = new Inspection(DetectedFormat.QCOW2, 1L, null);
    private static final Inspection RAW = new Inspection(DetectedFormat.RAW, 1L, null);

    @Test
    void dataMustBeWhatTheImageSays() {
        assertThat(DataVerdict.refusal("qcow2", "bare", QCOW2)).isNull();
        assertThat(DataVerdict.refusal("qcow2", "bare", RAW)).contains("does not match disk_format qcow2");
        assertThat(DataVerdict.refusal("raw", "bare", RAW)).isNull();
        assertThat(DataVerdict.refusal("raw", "bare", QCOW2)).contains("it is qcow2 data");
        assertThat(DataVerdict.refusal("raw", "bare", new Inspection(DetectedFormat.ISO, 1L, null))).isNull();
    }

    @Test
    void unsafeDataIsRefusedWhateverItClaims() {
        Inspection evil = new Inspection(DetectedFormat.QCOW2, null, "the qcow2 image names a backing file");
        assertThat(DataVerdict.refusal("qcow2", "bare", evil)).contains("backing file");
        assertThat(DataVerdict.refusal("raw", "bare", evil)).contains("backing file");
        assertThat(DataVerdict.refusal("ploop", "compressed", evil)).contains("unsafe");
    }

    @Test
    void containerArchivesMustBeTarFiles() {
        assertThat(DataVerdict.refusal("raw", "docker", new Inspection(DetectedFormat.TAR, null, null))).isNull();
        assertThat(DataVerdict.refusal("raw", "docker", RAW)).contains("not a tar archive");
    }
}
