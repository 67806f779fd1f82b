package io.kumo.common.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real identity-service, started once per test JVM as its own process from the jar the reactor
 * built, on a free port and a fresh database of the shared MariaDB. Other services' integration tests
 * get real tokens, real signing keys, a real catalog and real quotas from it — the path openstack4j
 * and the CLI take.
 */
public final class IdentityProcess {

    public static final String ADMIN_PASSWORD = "admin-pass-it";
    public static final String DEMO_PASSWORD = "demo-pass-it";
    public static final String SERVICE_PASSWORD = "service-pass-it";

    private static IdentityProcess shared;

    private final ServiceProcess process;

    private IdentityProcess(ServiceProcess process) {
        this.process = process;
    }

    /**
     * The identity of this test JVM, started on first use.
     *
     * @param database     the database it gets (dropped and recreated)
     * @param endpointUrls catalog type to URL of the services under test (e.g. image to its port)
     */
    public static synchronized IdentityProcess shared(String database, Map<String, String> endpointUrls) {
        if (shared == null) {
            int port = ServiceProcess.freePort();
            List<String> args = new ArrayList<>(List.of(
                    "--spring.datasource.url=" + TestInfrastructure.freshDatabase(database),
                    "--spring.datasource.username=" + TestInfrastructure.dbUser(),
                    "--spring.datasource.password=" + TestInfrastructure.dbPassword(),
                    "--spring.rabbitmq.addresses=" + TestInfrastructure.amqpUrl(),
                    "--identity.bootstrap.admin-password=" + ADMIN_PASSWORD,
                    "--identity.bootstrap.service-password=" + SERVICE_PASSWORD,
                    "--identity.bootstrap.demo-user=demo",
                    "--identity.bootstrap.demo-password=" + DEMO_PASSWORD,
                    "--identity.bootstrap.endpoint-urls.identity=http://127.0.0.1:" + port + "/v3",
                    "--identity.bcrypt-strength=4",
                    "--identity.auth-rate-limit.per-second=0"));
            endpointUrls.forEach((type, url) -> args.add("--identity.bootstrap.endpoint-urls." + type + "=" + url));
            String jar = System.getProperty("kumo.test.identity.jar",
                    "../identity-service/target/identity-service-0.1.0-SNAPSHOT.jar");
            ServiceProcess process = ServiceProcess.start(jar, "256m", port, args);
            process.destroyOnExit();
            shared = new IdentityProcess(process);
        }
        return shared;
    }

    public String url() {
        return process.url();
    }

    /** A project-scoped token, by password (users and projects of the Default domain). */
    public String token(String user, String password, String project) {
        ApiClient.Response r = keystone().post("/v3/auth/tokens?nocatalog", null, """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s",
                  "domain": {"id": "default"}, "password": "%s"}}},
                  "scope": {"project": {"name": "%s", "domain": {"id": "default"}}}}}""".formatted(user, password, project));
        if (r.status() != 201) {
            throw new IllegalStateException("token for " + user + ": " + r.status() + " " + r.text());
        }
        return r.header("X-Subject-Token");
    }

    public String adminToken() {
        return token("admin", ADMIN_PASSWORD, "admin");
    }

    public String demoToken() {
        return token("demo", DEMO_PASSWORD, "demo");
    }

    /** The project a token is scoped to. */
    public String projectId(String token) {
        return keystone().send("GET", "/v3/auth/tokens", token, null, null, new String[] {"X-Subject-Token", token})
                .json().get("token").get("project").get("id").asString();
    }

    /** A new project with a member user {@code <name>-user}; returns that user's token. */
    public String newProjectMember(String name) {
        String admin = adminToken();
        String projectId = keystone().post("/v3/projects", admin, """
                {"project": {"name": "%s", "domain_id": "default"}}""".formatted(name)).json()
                .get("project").get("id").asString();
        String userId = keystone().post("/v3/users", admin, """
                {"user": {"name": "%s-user", "domain_id": "default", "password": "pass-%s"}}""".formatted(name, name))
                .json().get("user").get("id").asString();
        String memberRole = keystone().get("/v3/roles?name=member", admin).json().get("roles").get(0).get("id")
                .asString();
        keystone().put("/v3/projects/" + projectId + "/users/" + userId + "/roles/" + memberRole, admin, null);
        return token(name + "-user", "pass-" + name, name);
    }

    /** Sets a project's own unified limit for a resource of the service of {@code serviceType}. */
    public void setLimit(String projectId, String serviceType, String resource, long value) {
        String admin = adminToken();
        String serviceId = keystone().get("/v3/services?type=" + serviceType, admin).json().get("services").get(0)
                .get("id").asString();
        ApiClient.Response created = keystone().post("/v3/limits", admin, """
                {"limits": [{"project_id": "%s", "service_id": "%s", "resource_name": "%s", "resource_limit": %d}]}"""
                .formatted(projectId, serviceId, resource, value));
        if (created.status() != 201) {
            throw new IllegalStateException("Setting limit " + resource + " failed: " + created.text());
        }
    }

    public ApiClient keystone() {
        return new ApiClient(url());
    }

    public static int freePort() {
        return ServiceProcess.freePort();
    }
}
