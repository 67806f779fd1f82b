package io.kumo.image.domain.format;

import java.nio.charset.StandardCharsets;

/** Reads fixed-width integers and magic strings out of a captured header, bounds-checked. */
final class Bytes {

    private final byte[] data;
    private final int length;

    Bytes(byte[] data, int length) {
        this.data = data;
        this.length = length;
    }

    int length() {
        return length;
    }

    boolean has(int offset, int count) {
        return offset >= 0 && count >= 0 && (long) offset + count <= length;
    }

    boolean startsWith(int offset, String ascii) {
        byte[] magic = ascii.getBytes(StandardCharsets.ISO_8859_1);
        if (!has(offset, magic.length)) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (data[offset + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    long u32be(int offset) {
        return ((long) u8(offset) << 24) | (u8(offset + 1) << 16) | (u8(offset + 2) << 8) | u8(offset + 3);
    }

    long u64be(int offset) {
        return (u32be(offset) << 32) | u32be(offset + 4);
    }

    long u32le(int offset) {
        return ((long) u8(offset + 3) << 24) | (u8(offset + 2) << 16) | (u8(offset + 1) << 8) | u8(offset);
    }

    long u64le(int offset) {
        return (u32le(offset + 4) << 32) | u32le(offset);
    }

    int u16le(int offset) {
        return (u8(offset + 1) << 8) | u8(offset);
    }

    String ascii(int offset, int count) {
        int end = (int) Math.min((long) offset + count, length);
        return new String(data, offset, Math.max(0, end - offset), StandardCharsets.ISO_8859_1);
    }

    private int u8(int offset) {
        if (offset < 0 || offset >= length) {
            throw new IndexOutOfBoundsException("header byte " + offset + " beyond the " + length + " captured");
        }
        return data[offset] & 0xff;
    }
}
