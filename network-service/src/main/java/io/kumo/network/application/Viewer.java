package io.kumo.network.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;

/**
 * Who asks, as Neutron's policy sees it: their project, whether they are a cloud admin, and whether
 * they may write in their project (member) or only read. Kumo's services (compute binding a server's
 * ports to its host, deleting them with the server) act with admin rights, as Nova's service user does.
 */
public record Viewer(String project, boolean admin, boolean member) {

    public static Viewer of(Caller caller) {
        return new Viewer(caller.projectId(), Policy.isAdmin(caller) || Policy.isService(caller),
                caller.hasRole(Policy.MEMBER) || caller.hasRole(Policy.ADMIN));
    }

    boolean owns(String projectId) {
        return admin || projectId.equals(project);
    }

    boolean mayWrite(String projectId) {
        return admin || (projectId.equals(project) && member);
    }
}
