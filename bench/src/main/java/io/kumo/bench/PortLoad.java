package io.kumo.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Port creation as a /16 fills: creates a project ({@code bench-ports}) with room for the ports, a
 * network and a 10.200.0.0/16 subnet, then creates ports with 8 clients and reports ports/s for the
 * window starting at 0, 5,000 and 10,000 allocated (target: flat — no scan of allocated addresses).
 * Talks only to the given loopback URLs.
 *
 * <p>Usage: PortLoad <identity-url> <network-url> <admin-password> <window>
 */
public final class PortLoad {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private PortLoad() {
    }

    public static void main(String[] args) throws Exception {
        String identity = args[0];
        String neutron = args[1];
        String admin = token(identity, "admin", args[2], "admin");
        int window = Integer.parseInt(args[3]);
        String project = "bench-ports-" + Long.toString(System.currentTimeMillis(), 36);
        String projectId = first(call("POST", identity + "/v3/projects", admin,
                "{\"project\":{\"name\":\"" + project + "\",\"domain_id\":\"default\"}}"));
        String user = first(call("POST", identity + "/v3/users", admin, "{\"user\":{\"name\":\"" + project
                + "-user\",\"domain_id\":\"default\",\"password\":\"bench-pass\"}}"));
        String role = first(call("GET", identity + "/v3/roles?name=member", admin, null));
        call("PUT", identity + "/v3/projects/" + projectId + "/users/" + user + "/roles/" + role, admin, null);
        String service = first(call("GET", identity + "/v3/services?type=network", admin, null));
        call("POST", identity + "/v3/limits", admin, "{\"limits\":[{\"project_id\":\"" + projectId
                + "\",\"service_id\":\"" + service + "\",\"resource_name\":\"port\",\"resource_limit\":50000}]}");
        String member = token(identity, project + "-user", "bench-pass", project);
        Thread.sleep(31_000); // network-service trusts a quota it read for up to 30 s
        // warm the service's JIT up on another network first, so the windows compare like with like
        String warmup = first(call("POST", neutron + "/v2.0/networks", member, "{\"network\":{\"name\":\"warmup\"}}"));
        call("POST", neutron + "/v2.0/subnets", member, "{\"subnet\":{\"network_id\":\"" + warmup
                + "\",\"ip_version\":4,\"cidr\":\"10.201.0.0/16\"}}");
        create(neutron, member, "{\"port\":{\"network_id\":\"" + warmup + "\"}}", 3000, false);
        String network = first(call("POST", neutron + "/v2.0/networks", member, "{\"network\":{\"name\":\"bench\"}}"));
        call("POST", neutron + "/v2.0/subnets", member, "{\"subnet\":{\"network_id\":\"" + network
                + "\",\"ip_version\":4,\"cidr\":\"10.200.0.0/16\"}}");
        String body = "{\"port\":{\"network_id\":\"" + network + "\"}}";
        int allocated = 0;
        for (int mark : new int[] {0, 5000, 10000}) {
            create(neutron, member, body, mark - allocated, false);
            allocated = mark;
            double rate = create(neutron, member, body, window, true);
            allocated += window;
            System.out.printf("ports allocated %6d..%6d in the /16: %7.1f ports/s (8 clients)%n", mark, mark + window, rate);
        }
    }

    /** Creates {@code count} ports with 8 clients; returns ports per second. */
    private static double create(String neutron, String token, String body, int count, boolean measured)
            throws Exception {
        if (count <= 0) {
            return 0;
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < 8; w++) {
            workers.add(pool.submit(() -> {
                while (next.getAndIncrement() < count) {
                    call("POST", neutron + "/v2.0/ports", token, body);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!measured) {
            System.out.printf("(filled %d ports in %.1f s)%n", count, seconds);
        }
        return count / seconds;
    }

    private static String token(String identity, String user, String password, String project) throws Exception {
        HttpResponse<String> r = call("POST", identity + "/v3/auth/tokens?nocatalog", null,
                "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"" + user
                        + "\",\"domain\":{\"id\":\"default\"},\"password\":\"" + password + "\"}}},"
                        + "\"scope\":{\"project\":{\"name\":\"" + project + "\",\"domain\":{\"id\":\"default\"}}}}}");
        return r.headers().firstValue("X-Subject-Token").orElseThrow(
                () -> new IllegalStateException("cannot authenticate " + user + ": " + r.statusCode() + " " + r.body()));
    }

    private static HttpResponse<String> call(String method, String url, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(method + " " + url + ": " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private static String first(HttpResponse<String> response) {
        Matcher m = ID.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no id in " + response.body());
        }
        return m.group(1);
    }
}
