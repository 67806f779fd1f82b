package io.kumo.common.audit;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Lets a controller name the resource a mutating call acted on (a created resource's new id is only
 * known after the call), for the audit record of that call.
 */
public final class AuditTarget {

    static final String TYPE = AuditTarget.class.getName() + ".type";
    static final String ID = AuditTarget.class.getName() + ".id";

    private AuditTarget() {
    }

    public static void set(HttpServletRequest request, String type, String id) {
        request.setAttribute(TYPE, type);
        request.setAttribute(ID, id);
    }
}
