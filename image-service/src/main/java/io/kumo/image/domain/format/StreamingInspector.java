package io.kumo.image.domain.format;

/**
 * Watches an upload go by without holding it: keeps the first {@value #HEAD_BYTES} bytes (every
 * header Kumo reads, the ISO descriptor at 32 KiB included) and a ring of the last 512 (a VHD footer),
 * then tells what the data is.
 */
public final class StreamingInspector {

    static final int HEAD_BYTES = 64 * 1024;
    static final int TAIL_BYTES = 512;

    private final byte[] head = new byte[HEAD_BYTES];
    private final byte[] tail = new byte[TAIL_BYTES];
    private int headLength;
    private long total;

    public void update(byte[] buffer, int offset, int length) {
        if (headLength < HEAD_BYTES) {
            int take = Math.min(length, HEAD_BYTES - headLength);
            System.arraycopy(buffer, offset, head, headLength, take);
            headLength += take;
        }
        if (length >= TAIL_BYTES) {
            System.arraycopy(buffer, offset + length - TAIL_BYTES, tail, 0, TAIL_BYTES);
        } else {
            System.arraycopy(tail, length, tail, 0, TAIL_BYTES - length);
            System.arraycopy(buffer, offset, tail, TAIL_BYTES - length, length);
        }
        total += length;
    }

    public long bytesSeen() {
        return total;
    }

    public Inspection finish() {
        Bytes first = new Bytes(head, headLength);
        int tailLength = (int) Math.min(total, TAIL_BYTES);
        byte[] last = new byte[tailLength];
        System.arraycopy(tail, TAIL_BYTES - tailLength, last, 0, tailLength);
        Bytes end = new Bytes(last, tailLength);
        if (Qcow2Inspector.matches(first)) {
            return Qcow2Inspector.inspect(first);
        }
        if (VmdkInspector.matches(first)) {
            return VmdkInspector.inspect(first);
        }
        if (first.startsWith(0, "vhdxfile")) {
            return Inspection.safe(DetectedFormat.VHDX, null);
        }
        if (VdiInspector.matches(first)) {
            return VdiInspector.inspect(first);
        }
        if (VhdInspector.matches(first, end)) {
            return VhdInspector.inspect(first, end);
        }
        if (IsoInspector.matches(first)) {
            return IsoInspector.inspect(first);
        }
        if (first.startsWith(257, "ustar")) {
            return Inspection.safe(DetectedFormat.TAR, null);
        }
        return Inspection.safe(DetectedFormat.RAW, total);
    }
}
