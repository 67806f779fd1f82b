package io.kumo.common.auth;

import io.kumo.common.error.ApiException;

/**
 * OpenStack's secure-RBAC defaults: {@code reader} reads, {@code member} writes in its own project,
 * {@code admin} administers everything — with a system-scoped token or one scoped to the admin project;
 * {@code admin} on any other project is not cloud admin — and {@code service} is for
 * service-to-service calls. A resource
 * of a project the caller cannot read is reported as missing, never as forbidden, so ids leak nothing.
 */
public final class Policy {

    public static final String ADMIN = "admin";
    public static final String MEMBER = "member";
    public static final String READER = "reader";
    public static final String SERVICE = "service";

    private Policy() {
    }

    public static boolean isAdmin(Caller caller) {
        return caller.hasRole(ADMIN)
                && (caller.token().scope() == TokenScope.SYSTEM || caller.token().adminProject());
    }

    public static boolean isService(Caller caller) {
        return caller.hasRole(SERVICE);
    }

    public static boolean canRead(Caller caller, String projectId) {
        return isAdmin(caller) || (projectId != null && projectId.equals(caller.projectId())
                && (caller.hasRole(READER) || caller.hasRole(MEMBER)));
    }

    public static boolean canWrite(Caller caller, String projectId) {
        return isAdmin(caller) || (projectId != null && projectId.equals(caller.projectId()) && caller.hasRole(MEMBER));
    }

    public static void requireAdmin(Caller caller, String action) {
        if (!isAdmin(caller)) {
            throw ApiException.forbidden("You are not authorized to perform the requested action: " + action + ".");
        }
    }

    public static void requireAdminOrService(Caller caller, String action) {
        if (!isAdmin(caller) && !isService(caller)) {
            throw ApiException.forbidden("You are not authorized to perform the requested action: " + action + ".");
        }
    }

    /** 404 when the caller cannot see the project's resource at all. */
    public static void requireReadable(Caller caller, String projectId, String kind, String id) {
        if (!canRead(caller, projectId)) {
            throw ApiException.notFound(kind, id);
        }
    }

    /** 404 when invisible, 403 when visible but read-only for this caller. */
    public static void requireWritable(Caller caller, String projectId, String kind, String id, String action) {
        requireReadable(caller, projectId, kind, id);
        if (!canWrite(caller, projectId)) {
            throw ApiException.forbidden("You are not authorized to perform the requested action: " + action + ".");
        }
    }
}
