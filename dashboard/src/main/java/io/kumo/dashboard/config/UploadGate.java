package io.kumo.dashboard.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Locale;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Multipart bodies — spooled to disk as they arrive, up to the image size limit — are taken only where they
 * belong: the image upload ({@code POST /images}) of a signed-in session. Anything else multipart is refused
 * before a byte of it is read: Spring Security's CSRF check reads a form's parameters, which for a multipart
 * request means its whole body, so a visitor could otherwise fill the disk by posting to the login form.
 */
class UploadGate extends OncePerRequestFilter {

    static final String UPLOAD_PATH = "/images";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")
                && !(isUpload(request) && signedIn(request))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Uploads are taken only by the image upload of a"
                    + " signed-in session.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isUpload(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && UPLOAD_PATH.equals(request.getRequestURI().substring(
                request.getContextPath().length()));
    }

    private static boolean signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object context = session == null ? null : session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context instanceof SecurityContext security && security.getAuthentication() != null
                && security.getAuthentication().isAuthenticated();
    }
}
