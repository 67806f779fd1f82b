package io.kumo.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Port creation as a /16 fills: creates a project ({@code bench-ports}) with room for the ports, a
 * network and a 10.200.0.0/16 subnet, then creates ports with 8 clients and reports ports/s for the
 * window starting at 0, 5,000 and 10,000 allocated (target: flat — no scan of allocated addresses).
 * Talks only to the given loopback URLs.
 *
 * <p>Usage: PortLoad <identity-url> <network-url> <admin-password> <window>
 */
public final class PortLoad {


    private PortLoad() {
    }

    public static void main(String[] args) throws Exception {
        String identity = args[0];
        String neutron = args[1];
        String admin = BenchApi.token(identity, "admin", args[2], "admin");
        int window = Integer.parseInt(args[3]);
        String project = "bench-ports-" + Long.toString(System.currentTimeMillis(), 36);
        String member = BenchApi.memberProject(identity, admin, project,
                List.of(new BenchApi.Limit("network", "port", 50000)));
        Thread.sleep(31_000); // network-service trusts a quota it read for up to 30 s
        // warm the service's JIT up on another network first, so the windows compare like with like
        String warmup = first(BenchApi.call("POST", neutron + "/v2.0/networks", member, "{\"network\":{\"name\":\"warmup\"}}"));
        BenchApi.call("POST", neutron + "/v2.0/subnets", member, "{\"subnet\":{\"network_id\":\"" + warmup
                + "\",\"ip_version\":4,\"cidr\":\"10.201.0.0/16\"}}");
        create(neutron, member, "{\"port\":{\"network_id\":\"" + warmup + "\"}}", 3000, false);
        String network = first(BenchApi.call("POST", neutron + "/v2.0/networks", member, "{\"network\":{\"name\":\"bench\"}}"));
        BenchApi.call("POST", neutron + "/v2.0/subnets", member, "{\"subnet\":{\"network_id\":\"" + network
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
                    BenchApi.call("POST", neutron + "/v2.0/ports", token, body);
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



    private static String first(HttpResponse<String> response) {
        String id = BenchApi.firstId(response.body());
        if (id == null) {
            throw new IllegalStateException("no id in " + response.body());
        }
        return id;
    }
}
