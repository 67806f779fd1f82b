package io.kumo.common.audit;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.TokenAuthenticationFilter;
import io.kumo.common.contract.audit.AuditRecorded;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every mutating API call (POST, PUT, PATCH, DELETE) once it has been answered: who, with
 * which credential, in which project, what (method and route), on which target, with which outcome.
 * Failed and refused calls are recorded too — an audit of only the successes hides the attacks.
 */
public class MutatingCallAuditor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(MutatingCallAuditor.class);
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final String service;
    private final AuditSink sink;
    private final Clock clock;
    private final List<String> excludedPatterns;
    private final AntPathMatcher matcher = new AntPathMatcher();

    public MutatingCallAuditor(String service, AuditSink sink, Clock clock, List<String> excludedPatterns) {
        this.service = service;
        this.sink = sink;
        this.clock = clock;
        this.excludedPatterns = excludedPatterns;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!MUTATING.contains(request.getMethod()) || excluded(request.getMethod(), request.getRequestURI())) {
            return;
        }
        try {
            sink.record(recordOf(request, response));
        } catch (RuntimeException e) {
            log.error("Could not record audit event for {} {}", request.getMethod(), request.getRequestURI(), e);
        }
    }

    private AuditRecorded recordOf(HttpServletRequest request, HttpServletResponse response) {
        Caller caller = (Caller) request.getAttribute(TokenAuthenticationFilter.CALLER_ATTRIBUTE);
        String route = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        int status = response.getStatus();
        String targetType = (String) request.getAttribute(AuditTarget.TYPE);
        String targetId = (String) request.getAttribute(AuditTarget.ID);
        if (targetId == null) {
            targetId = pathTarget(request);
        }
        return AuditRecords.of(service, clock, request, caller,
                request.getMethod() + " " + (route == null ? request.getRequestURI() : route), status, targetType,
                targetId, null);
    }

    /** The URL's {@code id} variable, else its last one ({@code /v3/{projectId}/volumes/{id}/action} → the id). */
    @SuppressWarnings("unchecked")
    private static String pathTarget(HttpServletRequest request) {
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables == null || variables.isEmpty()) {
            return null;
        }
        if (variables.containsKey("id")) {
            return variables.get("id");
        }
        String last = null;
        for (String value : variables.values()) {
            last = value;
        }
        return last;
    }

    /** Patterns are paths, or "METHOD path" to exclude a single method. */
    private boolean excluded(String method, String path) {
        for (String pattern : excludedPatterns) {
            int space = pattern.indexOf(' ');
            if (space < 0 ? matcher.match(pattern, path)
                    : pattern.substring(0, space).equals(method) && matcher.match(pattern.substring(space + 1), path)) {
                return true;
            }
        }
        return false;
    }
}
