package io.kumo.bench;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sustained server boots through every service of a running {@code ./kumo up} with fake-driver hosts:
 * a project of its own with a /16 network and a tiny image, then {@code clients} loops that each create
 * an m1.tiny server and poll it until ACTIVE or ERROR, for {@code seconds}. Prints boots/s, the
 * success rate and create→ACTIVE p50/p99; deletes the servers afterwards. Targets: ≥ 20 boots/s at
 * 100 % success, p50 ≤ 300 ms. Talks only to the given loopback URLs.
 *
 * <p>Usage: BootLoad <identity-url> <image-url> <network-url> <compute-url> <admin-password> <clients> <seconds>
 * [<image name> [<warm-up boots>]] — by default a tiny image of the project's own and 20 warm-up boots
 */
public final class BootLoad {

    /**
     * How often a client looks at its server (`openstack server create --wait` does every 2 s). The latency
     * does not depend on it: it is measured from the create request to the server's own {@code launched_at}.
     */
    private static final int POLL_MS = 250;

    private BootLoad() {
    }

    public static void main(String[] args) throws Exception {
        String identity = args[0];
        String glance = args[1];
        String neutron = args[2];
        String nova = args[3];
        String admin = BenchApi.token(identity, "admin", args[4], "admin");
        int clients = Integer.parseInt(args[5]);
        int seconds = Integer.parseInt(args[6]);
        String project = "bench-boots-" + Long.toString(System.currentTimeMillis(), 36);
        String member = BenchApi.memberProject(identity, admin, project, List.of(
                new BenchApi.Limit("network", "port", 50000), new BenchApi.Limit("compute", "servers", 50000),
                new BenchApi.Limit("compute", "class:VCPU", 50000),
                new BenchApi.Limit("compute", "class:MEMORY_MB", 50_000_000L)));
        String image = args.length > 7 ? imageNamed(glance, member, args[7]) : tinyImage(glance, member);
        int warmUp = args.length > 8 ? Integer.parseInt(args[8]) : 20;
        String network = first(BenchApi.call("POST", neutron + "/v2.0/networks", member,
                "{\"network\":{\"name\":\"bench\"}}"));
        BenchApi.call("POST", neutron + "/v2.0/subnets", member, "{\"subnet\":{\"network_id\":\"" + network
                + "\",\"ip_version\":4,\"cidr\":\"10.210.0.0/16\"}}");
        String body = "{\"server\":{\"name\":\"bench\",\"flavorRef\":\"m1.tiny\",\"imageRef\":\"" + image
                + "\",\"networks\":[{\"uuid\":\"" + network + "\"}]}}";

        List<String> warm = Collections.synchronizedList(new ArrayList<>());
        if (args.length > 9) {
            warm.add(guestBoot(nova, member, body, args[9]));
        }
        System.out.println("warming up (" + warmUp + " boots)...");
        run(nova, member, body, Math.min(4, Math.max(1, warmUp)), warmUp / Math.min(4, Math.max(1, warmUp)),
                Long.MAX_VALUE, new ArrayList<>(), new AtomicInteger(), warm);

        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> created = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        run(nova, member, body, clients, Integer.MAX_VALUE, end, latencies, errors, created);
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int ok = sorted.size();
        System.out.printf("clients %d, %.1f s: %d ACTIVE, %d ERROR -> %.1f boots/s, %.1f %% success%n", clients,
                elapsed, ok, errors.get(), ok / elapsed, ok + errors.get() == 0 ? 0 : 100.0 * ok / (ok + errors.get()));
        if (ok > 0) {
            System.out.printf("create -> ACTIVE: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n", sorted.get(ok / 2),
                    sorted.get((int) (ok * 0.9)), sorted.get(Math.min(ok - 1, (int) (ok * 0.99))), sorted.get(ok - 1));
        }
        created.addAll(warm);
        System.out.println("deleting " + created.size() + " servers...");
        ExecutorService deleters = Executors.newFixedThreadPool(8);
        for (String id : created) {
            deleters.submit(() -> BenchApi.call("DELETE", nova + "/servers/" + id, member, null));
        }
        deleters.shutdown();
        deleters.awaitTermination(10, TimeUnit.MINUTES);
    }

    /**
     * The guest's own boot of one server, booted alone before the load: from its {@code launched_at} (the
     * host reported it running) to the first console output that holds {@code marker} (the kumo-tiny guest
     * prints "kumo-tiny ready" once it has read its config drive and configured its NIC), polled every 100 ms.
     * Returns the server's id.
     */
    private static String guestBoot(String nova, String token, String body, String marker) throws Exception {
        String id = BenchApi.firstId(BenchApi.call("POST", nova + "/servers", token, body).body());
        String shown = "";
        for (String status = "BUILD"; status.equals("BUILD"); status = field(shown, "status", "BUILD")) {
            Thread.sleep(50);
            shown = BenchApi.call("GET", nova + "/servers/" + id, token, null).body();
        }
        long launched = LocalDateTime.parse(field(shown, "OS-SRV-USG:launched_at", null)).toInstant(ZoneOffset.UTC)
                .toEpochMilli();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            String output = BenchApi.call("POST", nova + "/servers/" + id + "/action", token,
                    "{\"os-getConsoleOutput\": {\"length\": -1}}").body();
            if (output.contains(marker)) {
                System.out.printf("guest boot of one server alone (ACTIVE -> '%s' on its console): %d ms%n", marker,
                        System.currentTimeMillis() - launched);
                return id;
            }
            Thread.sleep(100);
        }
        System.out.println("the server's console never showed '" + marker + "' within 120 s");
        return id;
    }

    /** A 64 KiB raw image of the project's own (the fake driver never reads it). */
    private static String tinyImage(String glance, String member) throws Exception {
        String image = first(BenchApi.call("POST", glance + "/v2/images", member,
                "{\"name\":\"bench-tiny\",\"disk_format\":\"raw\",\"container_format\":\"bare\"}"));
        BenchApi.upload(glance + "/v2/images/" + image + "/file", member, new byte[65536]);
        return image;
    }

    /** An existing image the project can see, by name (kumo-busybox for real containers). */
    private static String imageNamed(String glance, String member, String name) throws Exception {
        String id = BenchApi.firstId(BenchApi.call("GET", glance + "/v2/images?name=" + name, member, null).body());
        if (id == null) {
            throw new IllegalStateException("no image named " + name + " (KUMO_AGENT_DRIVER=runc ./kumo up registers"
                    + " kumo-busybox)");
        }
        return id;
    }

    private static void run(String nova, String token, String body, int clients, int perClient, long endNanos,
            List<Long> latencies, AtomicInteger errors, List<String> created) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                for (int i = 0; i < perClient && System.nanoTime() < endNanos; i++) {
                    long t0 = System.currentTimeMillis();
                    HttpResponse<String> r;
                    try {
                        r = BenchApi.call("POST", nova + "/servers", token, body);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        System.out.println("create refused: " + e.getMessage());
                        continue;
                    }
                    String id = BenchApi.firstId(r.body());
                    created.add(id);
                    String status = "BUILD";
                    String shown = "";
                    while (status.equals("BUILD")) {
                        Thread.sleep(POLL_MS);
                        shown = BenchApi.call("GET", nova + "/servers/" + id, token, null).body();
                        status = field(shown, "status", "BUILD");
                    }
                    if (status.equals("ACTIVE")) {
                        // the server's own record of when it went ACTIVE (same machine, same clock)
                        long launched = LocalDateTime.parse(field(shown, "OS-SRV-USG:launched_at", null))
                                .toInstant(ZoneOffset.UTC).toEpochMilli();
                        latencies.add(launched - t0);
                    } else {
                        errors.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
    }

    private static String field(String json, String name, String absent) {
        int at = json.indexOf("\"" + name + "\":\"");
        return at < 0 ? absent : json.substring(at + name.length() + 4, json.indexOf('"', at + name.length() + 4));
    }

    private static String first(HttpResponse<String> response) {
        return BenchApi.firstId(response.body());
    }
}
