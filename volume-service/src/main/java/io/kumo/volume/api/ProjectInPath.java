package io.kumo.volume.api;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.auth.TokenAuthenticationFilter;
import io.kumo.common.error.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The project in a {@code /v3/{project_id}/...} URL must be the token's, unless the caller is an admin:
 * a member cannot address another project's collection (Nova's and Cinder's "Malformed request URL").
 */
class ProjectInPath implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Object caller = request.getAttribute(TokenAuthenticationFilter.CALLER_ATTRIBUTE);
        String projectId = variables == null ? null : variables.get("projectId");
        if (projectId != null && caller instanceof Caller c && !Policy.isAdmin(c) && !Policy.isService(c)
                && !projectId.equals(c.projectId())) {
            throw ApiException.badRequest("Malformed request URL: URL's project_id '" + projectId
                    + "' doesn't match Context's project_id '" + c.projectId() + "'");
        }
        return true;
    }
}
