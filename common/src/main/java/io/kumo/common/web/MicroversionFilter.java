package io.kumo.common.web;

import io.kumo.common.error.ApiException;
import io.kumo.common.error.ErrorResponseWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Negotiates the microversion of every versioned API call, stores it as a request attribute and
 * echoes it in the response headers with {@code Vary}, as Nova and Cinder do.
 */
public class MicroversionFilter extends OncePerRequestFilter {

    public static final String ATTRIBUTE = Microversion.class.getName();

    private final MicroversionNegotiator negotiator;
    private final String versionedPathPrefix;
    private final ErrorResponseWriter errors;

    public MicroversionFilter(MicroversionNegotiator negotiator, String versionedPathPrefix, ErrorResponseWriter errors) {
        this.negotiator = negotiator;
        this.versionedPathPrefix = versionedPathPrefix;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(versionedPathPrefix);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Microversion version;
        String legacy = negotiator.legacyHeader();
        try {
            version = negotiator.negotiate(request.getHeader(MicroversionNegotiator.HEADER),
                    legacy == null ? null : request.getHeader(legacy));
        } catch (ApiException e) {
            errors.write(response, e.status(), e.getMessage());
            return;
        }
        request.setAttribute(ATTRIBUTE, version);
        response.setHeader(MicroversionNegotiator.HEADER, negotiator.serviceType() + " " + version);
        String vary = MicroversionNegotiator.HEADER;
        if (legacy != null) {
            response.setHeader(legacy, version.toString());
            vary = vary + ", " + legacy;
        }
        response.setHeader("Vary", vary);
        chain.doFilter(request, response);
    }
}
