package io.kumo.identity.api;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.contract.audit.AuditRecorded;
import io.kumo.common.error.ApiException;
import io.kumo.common.web.PageLinks;
import io.kumo.common.web.PageRequest;
import io.kumo.identity.application.AuditLedger;
import io.kumo.identity.application.AuditQuery;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v3/audit-events} (a Kumo extension): the audit ledger, newest first, filtered and paged
 * with {@code limit}/{@code marker} and a {@code next} link. Admins only.
 */
@RestController
class AuditEventController {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final AuditLedger ledger;
    private final Links links;

    AuditEventController(AuditLedger ledger, Links links) {
        this.ledger = ledger;
        this.links = links;
    }

    @GetMapping("/v3/audit-events")
    Map<String, Object> list(Caller caller, @RequestParam Map<String, String> params, HttpServletRequest request) {
        Policy.requireAdmin(caller, "identity:list_audit_events");
        PageRequest page = PageRequest.of(params.get("limit"), params.get("marker"), DEFAULT_LIMIT, MAX_LIMIT);
        AuditQuery query = new AuditQuery(params.get("service"), params.get("actor_user_id"),
                params.get("actor_project_id"), params.get("action"), params.get("outcome"), params.get("target_id"),
                params.get("request_id"), time(params, "since"), time(params, "until"));
        List<AuditRecorded> found = ledger.search(query, page);
        boolean more = page.limit() > 0 && found.size() > page.limit();
        List<AuditRecorded> shown = more ? found.subList(0, page.limit()) : found;
        List<Map<String, Object>> events = new ArrayList<>();
        shown.forEach(e -> events.add(view(e)));
        Map<String, Object> links = new LinkedHashMap<>();
        String self = this.links.base(request) + request.getRequestURI();
        links.put("self", self + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        links.put("next", more ? PageLinks.next(self, request.getQueryString(), page, shown.get(shown.size() - 1).id())
                : null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("audit_events", events);
        body.put("links", links);
        return body;
    }

    private static Map<String, Object> view(AuditRecorded e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("occurred_at", KeystoneTime.format(e.occurredAt()));
        m.put("service", e.service());
        m.put("action", e.action());
        m.put("outcome", e.outcome());
        m.put("status", e.status());
        m.put("actor_user_id", e.actorUserId());
        m.put("actor_project_id", e.actorProjectId());
        m.put("credential", e.credential());
        m.put("target_type", e.targetType());
        m.put("target_id", e.targetId());
        m.put("request_id", e.requestId());
        m.put("remote_address", e.remoteAddress());
        m.put("detail", e.detail());
        return m;
    }

    private static Instant time(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("Invalid '" + name + "': use an ISO 8601 UTC time such as 2026-01-01T00:00:00Z.");
        }
    }
}
