package io.kumo.image.domain.format;

/** What the bytes of an upload turned out to be, whatever the client declared. */
public enum DetectedFormat {
    QCOW2, VMDK, VHD, VHDX, VDI, ISO, TAR,
    /** No known container or disk-image header: a raw disk (or anything else). */
    RAW
}
