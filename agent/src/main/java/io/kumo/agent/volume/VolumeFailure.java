package io.kumo.agent.volume;

/**
 * A volume task that could not be done. The message is what volume-service records and shows for the volume,
 * so it says what was wrong in the request's or the host's terms ("the image is 2 GiB, the volume 1 GiB"),
 * including what a host tool printed when one failed.
 */
public class VolumeFailure extends RuntimeException {

    public VolumeFailure(String message) {
        super(message);
    }

    public VolumeFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
