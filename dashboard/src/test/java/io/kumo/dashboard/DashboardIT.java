package io.kumo.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kumo.common.test.IdentityProcess;
import io.kumo.dashboard.cloud.CloudError;
import io.kumo.dashboard.cloud.CloudSession;
import io.kumo.dashboard.cloud.Keystone;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard against the real identity-service (a process of its own, with a catalog whose compute, volume
 * and network services are out of reach): the login form, CSRF, a wrong password, the signed-in overview and
 * instances pages saying what cannot be reached, logout, and the token revoked in identity-service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardIT {

    private static final int NOTHING_THERE = IdentityProcess.freePort();
    private static final IdentityProcess IDENTITY = IdentityProcess.shared("kumo_identity_for_dashboard_it",
            Map.of("compute", "http://127.0.0.1:" + NOTHING_THERE + "/v2.1",
                    "volumev3", "http://127.0.0.1:" + NOTHING_THERE + "/v3/$(project_id)s",
                    "network", "http://127.0.0.1:" + NOTHING_THERE));
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Keystone keystone;

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        registry.add("dashboard.identity-url", IDENTITY::url);
    }

    @Test
    void aVisitorIsSentToTheLoginFormAndAPostWithoutItsCsrfTokenIsRefused() throws Exception {
        Browser browser = new Browser();

        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> login = browser.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("<label for=\"user\">User name</label>", "name=\"_csrf\"");
        assertThat(browser.post("/login", Map.of("domain", "Default", "user", "demo", "password",
                IdentityProcess.DEMO_PASSWORD)).statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(browser.get("/").statusCode()).as("still not signed in").isEqualTo(302);
    }

    @Test
    void aWrongPasswordShowsIdentitysMessageAndKeepsWhatWasTypedButThePassword() throws Exception {
        Browser browser = new Browser();
        String csrf = browser.csrf("/login");

        HttpResponse<String> wrong = browser.post("/login", Map.of("_csrf", csrf, "domain", "Default", "user", "demo",
                "password", "not-the-password"));

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("role=\"alert\"", "value=\"demo\"").doesNotContain("not-the-password");
        HttpResponse<String> blank = browser.post("/login", Map.of("_csrf", browser.csrf("/login"), "domain",
                "Default", "user", "", "password", ""));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("Enter your user name.", "Enter your password.", "aria-invalid=\"true\"");
    }

    @Test
    void aUserLogsInSeesWhatCannotBeReachedAndLogsOut() throws Exception {
        Browser browser = new Browser();

        HttpResponse<String> in = browser.post("/login", Map.of("_csrf", browser.csrf("/login"), "domain", "Default",
                "user", "demo", "password", IdentityProcess.DEMO_PASSWORD));

        assertThat(in.statusCode()).as(in.body()).isEqualTo(302);
        assertThat(in.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .contains("KUMO_SESSION=", "HttpOnly", "SameSite=Lax"));
        HttpResponse<String> overview = browser.get("/");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("Overview of <span>demo</span>", "Compute is unavailable right now.",
                "Volumes is unavailable right now.", "Network is unavailable right now.")
                .doesNotContain("X-Auth-Token");
        HttpResponse<String> instances = browser.get("/instances");
        assertThat(instances.body()).contains("Compute is unavailable right now.");

        HttpResponse<String> out = browser.post("/logout", Map.of("_csrf", browser.csrfOf(instances.body())));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(browser.get("/").statusCode()).as("signed out").isEqualTo(302);
    }

    @Test
    void theClientScopesToTheUsersProjectAndALogoutRevokesTheToken() {
        CloudSession session = keystone.login("Default", "demo", IdentityProcess.DEMO_PASSWORD);
        assertThat(session.project().name()).isEqualTo("demo");
        assertThat(session.endpoint("volumev3")).endsWith("/v3/" + session.project().id());
        assertThat(IDENTITY.keystone().send("GET", "/v3/auth/tokens", session.token(), null, null,
                new String[] {"X-Subject-Token", session.token()}).status()).isEqualTo(200);

        keystone.revoke(session.token());

        assertThat(IDENTITY.keystone().send("GET", "/v3/auth/tokens", IDENTITY.adminToken(), null, null,
                new String[] {"X-Subject-Token", session.token()}).status()).as("revoked").isEqualTo(404);
        assertThatThrownBy(() -> keystone.login("Default", "demo", "wrong")).isInstanceOf(CloudError.class)
                .satisfies(e -> assertThat(((CloudError) e).status()).isEqualTo(401));
    }

    @Test
    void aUserOfTwoProjectsSwitchesBetweenThem() throws Exception {
        String name = "dash-" + Long.toString(System.nanoTime(), 36);
        String other = IDENTITY.projectId(IDENTITY.newProjectMember(name));
        String admin = IDENTITY.adminToken();
        String userId = IDENTITY.keystone().send("GET", "/v3/auth/tokens", admin, null, null,
                new String[] {"X-Subject-Token", IDENTITY.token(name + "-user", "pass-" + name, name)}).json()
                .get("token").get("user").get("id").asString();
        String project = IDENTITY.keystone().post("/v3/projects", admin, "{\"project\": {\"name\": \"" + name
                + "-b\", \"domain_id\": \"default\"}}").json().get("project").get("id").asString();
        String member = IDENTITY.keystone().get("/v3/roles?name=member", admin).json().get("roles").get(0).get("id")
                .asString();
        IDENTITY.keystone().put("/v3/projects/" + project + "/users/" + userId + "/roles/" + member, admin, null);
        Browser browser = new Browser();
        assertThat(browser.post("/login", Map.of("_csrf", browser.csrf("/login"), "domain", "Default", "user",
                name + "-user", "password", "pass-" + name)).statusCode()).isEqualTo(302);
        HttpResponse<String> first = browser.get("/");
        assertThat(first.body()).contains("Overview of <span>" + name + "</span>", ">" + name + "-b</option>");

        HttpResponse<String> switched = browser.post("/project", Map.of("_csrf", browser.csrfOf(first.body()),
                "projectId", project));

        assertThat(switched.statusCode()).isEqualTo(302);
        assertThat(browser.get("/").body()).contains("Overview of <span>" + name + "-b</span>");
        assertThat(browser.post("/project", Map.of("_csrf", browser.csrf("/"), "projectId",
                "not-one-of-theirs")).statusCode()).as("another project").isEqualTo(404);
        assertThat(browser.get("/").body()).contains("Overview of <span>" + name + "-b</span>");
        assertThat(other).isNotEqualTo(project);
    }

    /** A browser's part in this: its cookies, no redirects followed, forms posted url-encoded. */
    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            String body = new LinkedHashMap<>(form).entrySet().stream().map(e -> encode(e.getKey()) + "="
                    + encode(e.getValue())).collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type",
                    "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String csrf(String path) throws Exception {
            return csrfOf(get(path).body());
        }

        String csrfOf(String page) {
            Matcher m = CSRF.matcher(page);
            assertThat(m.find()).as("a CSRF token in the page").isTrue();
            return m.group(1);
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
