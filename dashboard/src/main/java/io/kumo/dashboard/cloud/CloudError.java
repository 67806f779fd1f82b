package io.kumo.dashboard.cloud;

/**
 * A service refused a request (its own message, as the page shows it next to the form) or could not be
 * reached (the page shows the part it would fill as unavailable).
 *
 * @see #status()
 */
public class CloudError extends RuntimeException {

    private final int status;

    public CloudError(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status the service answered, or 0 when it could not be reached. */
    public int status() {
        return status;
    }

    /** The token expired or was revoked: the user must log in again, whatever the page was doing. */
    public boolean sessionEnded() {
        return status == 401;
    }

    public boolean unreachable() {
        return status == 0;
    }
}
