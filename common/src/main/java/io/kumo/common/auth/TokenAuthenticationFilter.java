package io.kumo.common.auth;

import io.kumo.common.error.ErrorResponseWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Validates {@code X-Auth-Token} when a request carries one and exposes the {@link Caller}. A bad
 * token is a 401 straight away; a missing one is left to the endpoint (public endpoints need none).
 */
public class TokenAuthenticationFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Auth-Token";
    public static final String CALLER_ATTRIBUTE = Caller.class.getName();
    static final String MESSAGE = "The request you have made requires authentication.";

    private static final Logger log = LoggerFactory.getLogger(TokenAuthenticationFilter.class);

    private final TokenValidator validator;
    private final ErrorResponseWriter errors;
    private final RejectionAudit audit;

    public TokenAuthenticationFilter(TokenValidator validator, ErrorResponseWriter errors) {
        this(validator, errors, null);
    }

    /** @param audit where rejected tokens are recorded (someone replaying a revoked token must leave a trace) */
    public TokenAuthenticationFilter(TokenValidator validator, ErrorResponseWriter errors, RejectionAudit audit) {
        this.validator = validator;
        this.errors = errors;
        this.audit = audit;
    }

    /** Records a request refused for its token. */
    public interface RejectionAudit {
        void rejected(HttpServletRequest request, String reason);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader(HEADER);
        if (token != null) {
            try {
                request.setAttribute(CALLER_ATTRIBUTE, new Caller(validator.validate(token), token));
            } catch (InvalidTokenException e) {
                log.info("Rejected token: {}", e.getMessage());
                if (audit != null) {
                    audit.rejected(request, e.getMessage());
                }
                errors.write(response, HttpStatus.UNAUTHORIZED, MESSAGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
