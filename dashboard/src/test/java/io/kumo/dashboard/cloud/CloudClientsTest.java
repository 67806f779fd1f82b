package io.kumo.dashboard.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

/** What the service clients send on the wire and how they read the answers, against a mock HTTP server. */
class CloudClientsTest {

    private static final CloudSession.Project DEMO = new CloudSession.Project("p1", "demo");
    private static final CloudSession SESSION = new CloudSession("u1", "demo", "Default", "tok", Instant.now()
            .plusSeconds(3600), DEMO, List.of("member"), Map.of("compute", "http://nova/v2.1", "identity",
            "http://keystone/v3", "volumev3", "http://cinder/v3/$(project_id)s"), List.of(DEMO));

    private MockRestServiceServer server;
    private CloudCalls calls;

    @BeforeEach
    void mockServer() {
        RestClient.Builder builder = RestClient.builder();
        server = MockRestServiceServer.bindTo(builder).build();
        RestClient rest = builder.build();
        calls = new CloudCalls(rest, rest);
    }

    @Test
    void aNameIsOnePathSegmentNeverATemplateNorAQuery() {
        server.expect(requestTo(URI.create("http://nova/v2.1/os-keypairs/a%3Fb%2F..%2F%7Bc%7D")))
                .andExpect(method(HttpMethod.DELETE)).andExpect(header("X-Auth-Token", "tok"))
                .andRespond(withStatus(HttpStatus.ACCEPTED));

        new KeyPairs(calls).delete(SESSION, "a?b/../{c}");

        server.verify();
    }

    @Test
    void auditFiltersAreEncodedOnce() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("service", "compute");
        filters.put("since", "2026-11-23T00:00:00Z");
        filters.put("action", "");
        server.expect(requestTo(URI.create(
                "http://keystone/v3/audit-events?limit=50&service=compute&since=2026-11-23T00%3A00%3A00Z")))
                .andRespond(withSuccess("""
                        {"audit_events": [{"id": "e2", "service": "compute", "status": 202}],
                         "links": {"next": "http://keystone/v3/audit-events?marker=e2"}}""",
                        MediaType.APPLICATION_JSON));

        AuditPage page = new Identity(calls).audit(SESSION, filters, null, 50);

        assertThat(page.events()).extracting(AuditEvent::id).containsExactly("e2");
        assertThat(page.nextMarker()).isEqualTo("e2");
    }

    @Test
    void aDomainsLimitIsNoProjectsOverride() {
        server.expect(requestTo("http://keystone/v3/services")).andRespond(withSuccess("""
                {"services": [{"id": "s1", "type": "compute"}]}""", MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://keystone/v3/projects")).andRespond(withSuccess("""
                {"projects": [{"id": "p1", "name": "demo"}]}""", MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://keystone/v3/limits")).andRespond(withSuccess("""
                {"limits": [{"service_id": "s1", "resource_name": "servers", "project_id": "p1", "resource_limit": 20},
                            {"service_id": "s1", "resource_name": "servers", "domain_id": "d1", "resource_limit": 99}]}""",
                MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://keystone/v3/registered_limits")).andRespond(withSuccess("""
                {"registered_limits": [{"service_id": "s1", "resource_name": "servers", "default_limit": 10}]}""",
                MediaType.APPLICATION_JSON));

        assertThat(new Identity(calls).limits(SESSION)).containsExactly(new LimitRow("compute", "servers", 10,
                Map.of("demo", 20L)));
    }

    @Test
    void aLaunchSendsNovasBodyWithTheUserDataEncodedAndATypedCountAsTyped() {
        server.expect(requestTo("http://nova/v2.1/servers")).andExpect(method(HttpMethod.POST)).andExpect(content()
                .json("""
                        {"server": {"name": "web", "imageRef": "i1", "flavorRef": "f1", "networks": [{"uuid": "n1"}],
                         "user_data": "ZWNobyBoaQ==", "min_count": "two", "max_count": "two"}}""", true))
                .andRespond(withStatus(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON).body("""
                        {"badRequest": {"code": 400, "message": "Invalid input for field/attribute min_count."}}"""));

        assertThatThrownBy(() -> new Compute(calls).launch(SESSION, new ServerLaunch("web", "i1", "f1", "n1", "",
                "echo hi", "two"))).isInstanceOfSatisfying(CloudError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("Invalid input for field/attribute min_count.");
                });
    }

    @Test
    void aVolumesSnapshotIsForcedAndTheProjectIsFilledIntoCindersUrl() {
        server.expect(requestTo("http://cinder/v3/p1/snapshots")).andExpect(content().json("""
                {"snapshot": {"volume_id": "v1", "name": "nightly", "force": true}}""", true))
                .andRespond(withStatus(HttpStatus.ACCEPTED));

        new Volumes(calls).snapshot(SESSION, "v1", "nightly");

        server.verify();
    }

    @Test
    void theTokenIsNeverInASessionsText() {
        assertThat(SESSION.toString()).doesNotContain("tok").contains("demo");
    }
}
