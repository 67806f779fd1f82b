package io.kumo.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /v2/images} latency with N images in one project (target: p99 &lt; 50 ms at 10,000, paginated).
 * Creates the project {@code bench-images} (admin), lifts its image count limit, tops it up to N images,
 * then, as a member of it, walks every page by {@code next} links and asks for the first page and a
 * filtered page repeatedly. Prints p50/p99 per case. Talks only to the given loopback URLs.
 *
 * <p>Usage: ImageListLoad <identity-url> <image-url> <admin-password> <images>
 */
public final class ImageListLoad {

    private static final Pattern NEXT = Pattern.compile("\"next\"\\s*:\\s*\"([^\"]+)\"");

    private ImageListLoad() {
    }

    public static void main(String[] args) throws Exception {
        String identity = args[0];
        String glance = args[1];
        String adminPassword = args[2];
        int images = Integer.parseInt(args[3]);
        String admin = BenchApi.token(identity, "admin", adminPassword, "admin");
        String projectId = ensureProject(identity, admin);
        String imageService = BenchApi.firstId(BenchApi.call("GET", identity + "/v3/services?type=image", admin, null).body());
        try {
            BenchApi.call("POST", identity + "/v3/limits", admin, "{\"limits\":[{\"project_id\":\"" + projectId
                    + "\",\"service_id\":\"" + imageService + "\",\"resource_name\":\"image_count_total\","
                    + "\"resource_limit\":" + (images * 2) + "}]}");
        } catch (IllegalStateException alreadySet) {
            // a rerun: the project's limit exists from the first run
        }
        String member = BenchApi.token(identity, "bench-images-user", "bench-images-pass", "bench-images");
        int existing = countImages(glance, member);
        System.out.printf("project bench-images has %d images; creating %d more%n", existing, Math.max(0, images - existing));
        create(glance, member, images - existing);

        for (int round = 0; round < 2; round++) { // the first round warms the server up
            List<Long> walk = new ArrayList<>();
            String next = "/v2/images?limit=25";
            int pages = 0;
            while (next != null) {
                long start = System.nanoTime();
                HttpResponse<String> page = BenchApi.call("GET", glance + next, member, null);
                walk.add(System.nanoTime() - start);
                next = first(NEXT, page.body());
                pages++;
            }
            List<Long> firstPage = repeat(glance + "/v2/images?limit=25", member, 500);
            List<Long> bigPage = repeat(glance + "/v2/images?limit=200&sort=name:asc", member, 100);
            List<Long> filtered = repeat(glance + "/v2/images?name=bench-7&limit=25", member, 300);
            if (round == 1) {
                report("walk all " + pages + " pages (limit 25)", walk);
                report("first page (limit 25)", firstPage);
                report("page of 200 sorted by name", bigPage);
                report("name filter", filtered);
            }
        }
    }

    private static List<Long> repeat(String url, String token, int times) throws Exception {
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            BenchApi.call("GET", url, token, null);
            latencies.add(System.nanoTime() - start);
        }
        return latencies;
    }

    private static void create(String glance, String token, int count) throws Exception {
        if (count <= 0) {
            return;
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < 8; w++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    BenchApi.call("POST", glance + "/v2/images", token, "{\"name\":\"bench-" + i
                            + "\",\"disk_format\":\"raw\",\"container_format\":\"bare\",\"os_distro\":\"bench\"}");
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        System.out.printf("created %d images in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
    }

    private static int countImages(String glance, String token) throws Exception {
        int count = 0;
        String next = "/v2/images?limit=1000";
        while (next != null) {
            String body = BenchApi.call("GET", glance + next, token, null).body();
            count += body.split("\"self\"", -1).length - 1;
            next = first(NEXT, body);
        }
        return count;
    }

    private static String ensureProject(String identity, String admin) throws Exception {
        String found = BenchApi.firstId(BenchApi.call("GET", identity + "/v3/projects?name=bench-images", admin, null).body());
        if (found != null) {
            return found;
        }
        String project = BenchApi.firstId(BenchApi.call("POST", identity + "/v3/projects", admin,
                "{\"project\":{\"name\":\"bench-images\",\"domain_id\":\"default\"}}").body());
        String user = BenchApi.firstId(BenchApi.call("POST", identity + "/v3/users", admin,
                "{\"user\":{\"name\":\"bench-images-user\",\"domain_id\":\"default\",\"password\":\"bench-images-pass\"}}")
                .body());
        String role = BenchApi.firstId(BenchApi.call("GET", identity + "/v3/roles?name=member", admin, null).body());
        BenchApi.call("PUT", identity + "/v3/projects/" + project + "/users/" + user + "/roles/" + role, admin, null);
        return project;
    }



    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        System.out.printf("GET /v2/images %-32s n=%4d  p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", what, sorted.size(),
                sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) Math.min(sorted.size() - 1, sorted.size() * 0.99)) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6);
    }
}
