package io.kumo.dashboard.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import io.kumo.dashboard.cloud.CloudSession;
import io.kumo.dashboard.cloud.Compute;
import io.kumo.dashboard.cloud.ComputeAdmin;
import io.kumo.dashboard.cloud.Identity;
import io.kumo.dashboard.cloud.Images;
import io.kumo.dashboard.cloud.KeyPairs;
import io.kumo.dashboard.cloud.Keystone;
import io.kumo.dashboard.cloud.Networks;
import io.kumo.dashboard.cloud.Volumes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The dashboard's pages with the services' clients replaced by mocks: what a page shows for what a service
 * answers, what it sends for what the user typed, and how it shows a refusal. The real services are exercised
 * by {@code DashboardIT} (identity) and {@code DashboardBrowserIT} (the whole cloud in a real browser).
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class PageTest {

    static final CloudSession.Project DEMO = new CloudSession.Project("p-demo", "demo");
    static final CloudSession MEMBER = session("u-demo", "demo", List.of("member", "reader"));
    static final CloudSession ADMIN = session("u-admin", "admin", List.of("admin", "member", "reader"));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Keystone keystone;
    @MockitoBean
    Compute compute;
    @MockitoBean
    ComputeAdmin computeAdmin;
    @MockitoBean
    Volumes volumes;
    @MockitoBean
    Networks networks;
    @MockitoBean
    Images images;
    @MockitoBean
    KeyPairs keyPairs;
    @MockitoBean
    Identity identity;

    static RequestPostProcessor as(CloudSession session) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(session, null, session.roles()
                .stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList()));
    }

    /** An HTTP session the user signed in to, as the login keeps it (what the upload gate looks for). */
    static MockHttpSession signedIn(CloudSession session) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(session, null, session.roles()
                .stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList()));
        MockHttpSession http = new MockHttpSession();
        http.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        return http;
    }

    private static CloudSession session(String userId, String name, List<String> roles) {
        return new CloudSession(userId, name, "Default", "token-" + name, Instant.now().plusSeconds(3600), DEMO,
                roles, Map.of("compute", "http://127.0.0.1:8774/v2.1", "identity", "http://127.0.0.1:5000/v3",
                        "network", "http://127.0.0.1:9696"), List.of(DEMO));
    }
}
