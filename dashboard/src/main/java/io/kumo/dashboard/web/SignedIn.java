package io.kumo.dashboard.web;

import io.kumo.dashboard.cloud.CloudSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** The signed-in user's {@link CloudSession}, kept as the principal of the session's authentication. */
@Component
public class SignedIn {

    private final SecurityContextRepository contexts;

    SignedIn(SecurityContextRepository contexts) {
        this.contexts = contexts;
    }

    public static Optional<CloudSession> sessionOf(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof CloudSession session
                ? Optional.of(session) : Optional.empty();
    }

    /** Signs the user in (a new session id: no fixation) or switches their project. */
    void keep(CloudSession session, HttpServletRequest request, HttpServletResponse response, boolean newLogin) {
        if (newLogin) {
            request.getSession(true);
            request.changeSessionId();
        }
        List<SimpleGrantedAuthority> roles = session.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_"
                + r)).toList();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(session, null, roles));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
