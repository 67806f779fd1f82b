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

    public static int freePort() {
        return ServiceProcess.freePort();
    }
}
