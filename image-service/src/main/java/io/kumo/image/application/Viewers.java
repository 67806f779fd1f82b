package io.kumo.image.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.image.domain.ImageAccess;

/** The caller of a request as the sharing rules see it. */
public final class Viewers {

    private Viewers() {
    }

    public static ImageAccess.Viewer of(Caller caller) {
        return new ImageAccess.Viewer(caller.userId(), caller.projectId(), Policy.isAdmin(caller),
                caller.hasRole(Policy.MEMBER) || caller.hasRole(Policy.ADMIN), Policy.isService(caller));
    }
}
