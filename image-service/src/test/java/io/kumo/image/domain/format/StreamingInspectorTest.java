package io.kumo.image.domain.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamingInspectorTest {

    @Test
    void aPlainQcow2IsSafeAndTellsItsVirtualSize() {
        Inspection result = inspect(TestImages.qcow2(1L << 30, null, false, null), 7);
        assertThat(result.format()).isEqualTo(DetectedFormat.QCOW2);
        assertThat(result.unsafe()).isNull();
        assertThat(result.virtualSize()).isEqualTo(1L << 30);
    }

    @Test
    void aQcow2NamingABackingFileIsUnsafe() {
        Inspection result = inspect(TestImages.qcow2(1L << 20, "/etc/shadow", false, null), 4096);
        assertThat(result.format()).isEqualTo(DetectedFormat.QCOW2);
        assertThat(result.unsafe()).contains("backing file");
    }

    @Test
    void aQcow2WithAnExternalDataFileIsUnsafeWhetherFlaggedOrNamed() {
        assertThat(inspect(TestImages.qcow2(1L << 20, null, true, null), 1000).unsafe()).contains("external data file");
        assertThat(inspect(TestImages.qcow2(1L << 20, null, false, "/dev/sda"), 1000).unsafe())
                .contains("external data file");
    }

    @Test
    void vmdkOnlyAsOneSelfContainedSparseExtent() {
        Inspection good = inspect(TestImages.vmdk(2048, "monolithicSparse", 1), 512);
        assertThat(good.unsafe()).isNull();
        assertThat(good.virtualSize()).isEqualTo(2048 * 512L);
        assertThat(inspect(TestImages.vmdk(2048, "twoGbMaxExtentSparse", 1), 512).unsafe()).contains("createType");
        assertThat(inspect(TestImages.vmdk(2048, "monolithicSparse", 2), 512).unsafe()).contains("extents");
        assertThat(inspect("# Disk DescriptorFile\nRW 10 FLAT \"/etc/passwd\" 0\n".getBytes(), 64).unsafe())
                .contains("descriptor");
    }

    @Test
    void vmdkTricksThatPointQemuAtHostFilesAreRefused() {
        assertThat(inspect(TestImages.vmdkWithDescriptor(2048,
                "createType=\"monolithicSparse\"\nRW 2048 FLAT \"/etc/shadow\" 0\n"), 512).unsafe())
                .contains("path");
        // QEMU takes the first createType, whatever follows it
        assertThat(inspect(TestImages.vmdkWithDescriptor(2048, "createType=XtwoGbMaxExtentFlat\"\n"
                + "createType=\"monolithicSparse\"\nRW 2048 FLAT \"shadow\" 0\n"), 512).unsafe())
                .contains("malformed");
        assertThat(inspect(TestImages.vmdkWithDescriptor(0,
                "createType=\"monolithicSparse\"\nRW 2048 SPARSE \"disk.vmdk\"\n"), 512).unsafe())
                .contains("capacity");
    }

    @Test
    void vhdIsFoundByItsFooterAndDifferencingDisksAreRefused() {
        Inspection fixed = inspect(TestImages.vhd(10L << 20, 2), 100);
        assertThat(fixed.format()).isEqualTo(DetectedFormat.VHD);
        assertThat(fixed.virtualSize()).isEqualTo(10L << 20);
        assertThat(inspect(TestImages.vhd(10L << 20, 4), 100).unsafe()).contains("parent");
    }

    @Test
    void isoSizeIsBlocksTimesBlockSize() {
        Inspection iso = inspect(TestImages.iso(300), 3000);
        assertThat(iso.format()).isEqualTo(DetectedFormat.ISO);
        assertThat(iso.virtualSize()).isEqualTo(300 * 2048L);
    }

    @Test
    void anythingElseIsRawOfItsOwnSize() {
        byte[] noise = new byte[200_000];
        new Random(1).nextBytes(noise);
        noise[0] = 0; // not accidentally a magic number
        Inspection raw = inspect(noise, 65_536);
        assertThat(raw.format()).isEqualTo(DetectedFormat.RAW);
        assertThat(raw.virtualSize()).isEqualTo(200_000L);
        assertThat(inspect(new byte[0], 1).format()).isEqualTo(DetectedFormat.RAW);
    }

    /** Feeds the data in chunks of {@code chunk} bytes, as an upload arrives. */
    private static Inspection inspect(byte[] data, int chunk) {
        StreamingInspector inspector = new StreamingInspector();
        for (int at = 0; at < data.length; at += chunk) {
            inspector.update(data, at, Math.min(chunk, data.length - at));
        }
        return inspector.finish();
    }
}
