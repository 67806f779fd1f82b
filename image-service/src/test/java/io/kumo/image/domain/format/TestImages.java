package io.kumo.image.domain.format;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Disk-image headers built byte by byte, as qemu-img, VMware and genisoimage lay them out. */
public final class TestImages {

    private TestImages() {
    }

    /** A qcow2 v3 image of {@code virtualSize} bytes, optionally naming a backing file or a data file. */
    public static byte[] qcow2(long virtualSize, String backingFile, boolean externalDataBit, String dataFileExtension) {
        ByteBuffer b = ByteBuffer.allocate(64 * 1024);
        b.put("QFI".getBytes(StandardCharsets.ISO_8859_1)).put((byte) 0xfb);
        b.putInt(3);                         // version
        int backingOffset = backingFile == null ? 0 : 4096;
        b.putLong(backingOffset);            // backing_file_offset
        b.putInt(backingFile == null ? 0 : backingFile.length());
        b.putInt(16);                        // cluster_bits: 64 KiB clusters
        b.putLong(virtualSize);
        b.putInt(0);                         // crypt_method
        b.position(72);
        b.putLong(externalDataBit ? 1L << 2 : 0); // incompatible features
        b.position(100);
        b.putInt(104);                       // header_length
        b.position(104);
        if (dataFileExtension != null) {
            byte[] name = dataFileExtension.getBytes(StandardCharsets.ISO_8859_1);
            b.putInt(0x44415441).putInt(name.length).put(name);
            b.position(104 + 8 + ((name.length + 7) & ~7));
        }
        b.putInt(0).putInt(0);               // end of extensions
        if (backingFile != null) {
            b.position(backingOffset);
            b.put(backingFile.getBytes(StandardCharsets.ISO_8859_1));
        }
        return b.array();
    }

    /** A VMDK sparse extent with an embedded descriptor. */
    public static byte[] vmdk(long capacitySectors, String createType, int extents) {
        ByteBuffer b = ByteBuffer.allocate(64 * 1024).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("KDMV".getBytes(StandardCharsets.ISO_8859_1));
        b.putInt(1).putInt(3).putLong(capacitySectors).putLong(128).putLong(1).putLong(20);
        StringBuilder descriptor = new StringBuilder("# Disk DescriptorFile\nversion=1\nCID=fffffffe\n"
                + "createType=\"" + createType + "\"\n\n# Extent description\n");
        for (int i = 0; i < extents; i++) {
            descriptor.append("RW ").append(capacitySectors).append(" SPARSE \"disk").append(i).append(".vmdk\"\n");
        }
        b.position(512);
        b.put(descriptor.toString().getBytes(StandardCharsets.ISO_8859_1));
        return b.array();
    }

    /** A VMDK sparse extent whose embedded descriptor (sector 1, 20 sectors) is the given text. */
    public static byte[] vmdkWithDescriptor(long capacitySectors, String descriptor) {
        ByteBuffer b = ByteBuffer.allocate(64 * 1024).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("KDMV".getBytes(StandardCharsets.ISO_8859_1));
        b.putInt(1).putInt(3).putLong(capacitySectors).putLong(128).putLong(1).putLong(20);
        b.position(512);
        b.put(("# Disk DescriptorFile\nversion=1\n" + descriptor).getBytes(StandardCharsets.ISO_8859_1));
        return b.array();
    }

    /** A fixed VHD: data followed by the 512-byte footer. */
    public static byte[] vhd(long currentSize, int diskType) {
        ByteBuffer b = ByteBuffer.allocate(4096 + 512);
        b.position(4096);
        b.put("conectix".getBytes(StandardCharsets.ISO_8859_1));
        b.position(4096 + 40);
        b.putLong(currentSize).putLong(currentSize);
        b.position(4096 + 60);
        b.putInt(diskType);
        return b.array();
    }

    /** An ISO 9660 volume: 32 KiB system area, then the primary volume descriptor. */
    public static byte[] iso(int blocks) {
        ByteBuffer b = ByteBuffer.allocate(0x8000 + 2048).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.position(0x8000);
        b.put((byte) 1).put("CD001".getBytes(StandardCharsets.ISO_8859_1));
        b.position(0x8000 + 80);
        b.putInt(blocks);
        b.position(0x8000 + 128);
        b.putShort((short) 2048);
        return b.array();
    }
}
