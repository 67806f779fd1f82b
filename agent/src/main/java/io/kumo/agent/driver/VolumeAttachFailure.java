package io.kumo.agent.driver;

/** The host could not attach or detach a volume; the instance is left as it was before. */
public class VolumeAttachFailure extends RuntimeException {

    public VolumeAttachFailure(String message) {
        super(message);
    }

    public VolumeAttachFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
