package io.kumo.bench;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Volume creation through volume-service and a storage host of a running {@code KUMO_AGENT_DRIVER=… ./kumo up}:
 * a project of its own, then {@code count} 1 GiB volumes made by {@code clients} loops, each polled until
 * available (or error). Prints create→available p50/p99 twice: from the volume's own {@code created_at} to
 * its {@code updated_at} (the host's answer applied; no polling in it), and as the client saw it. Then
 * snapshots of the first ten volumes and volumes made from them (reflink copies), and deletes everything.
 *
 * <p>Usage: VolumeLoad <identity-url> <volume-url (…/v3)> <admin-password> <count> <clients>
 */
public final class VolumeLoad {

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CREATED = Pattern.compile("\"created_at\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern UPDATED = Pattern.compile("\"updated_at\"\\s*:\\s*\"([^\"]+)\"");

    private VolumeLoad() {
    }

    /** One volume's timings, in milliseconds. */
    private record Made(String id, long serverMs, long clientMs, boolean available) {
    }

    public static void main(String[] args) throws Exception {
        String identity = args[0];
        String cinderRoot = args[1];
        String admin = BenchApi.token(identity, "admin", args[2], "admin");
        int count = Integer.parseInt(args[3]);
        int clients = Integer.parseInt(args[4]);
        String project = "bench-volumes-" + Long.toString(System.currentTimeMillis(), 36);
        String member = BenchApi.memberProject(identity, admin, project, List.of(
                new BenchApi.Limit("block-storage", "volumes", 10_000),
                new BenchApi.Limit("block-storage", "gigabytes", 100_000),
                new BenchApi.Limit("block-storage", "snapshots", 10_000)));
        String projectId = BenchApi.firstId(BenchApi.call("GET", identity + "/v3/projects?name=" + project, admin,
                null).body());
        String cinder = cinderRoot + "/" + projectId;

        for (int i = 0; i < 3; i++) {
            delete(cinder, member, create(cinder, member, "{\"volume\":{\"size\":1,\"name\":\"warm-up\"}}").id());
        }
        List<Made> made = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int n = i;
            pool.submit(() -> {
                made.add(create(cinder, member, "{\"volume\":{\"size\":1,\"name\":\"bench-" + n + "\"}}"));
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        double wallS = (System.nanoTime() - start) / 1e9;
        long ok = made.stream().filter(Made::available).count();
        System.out.printf("%d volumes of 1 GiB, %d client(s): %d available, %.1f volumes/s%n", count, clients, ok,
                made.size() / wallS);
        report("create->available (created_at -> updated_at)", made.stream().map(Made::serverMs).toList());
        report("create->available (as the client saw it)", made.stream().map(Made::clientMs).toList());

        List<Made> copies = new ArrayList<>();
        List<String> snapshots = new ArrayList<>();
        for (Made volume : made.subList(0, Math.min(10, made.size()))) {
            long t = System.nanoTime();
            String snapshot = BenchApi.firstId(BenchApi.call("POST", cinder + "/snapshots", member,
                    "{\"snapshot\":{\"volume_id\":\"" + volume.id() + "\"}}").body());
            awaitStatus(cinder + "/snapshots/" + snapshot, member);
            snapshots.add(snapshot);
            long snapMs = (System.nanoTime() - t) / 1_000_000;
            Made copy = create(cinder, member, "{\"volume\":{\"snapshot_id\":\"" + snapshot + "\"}}");
            copies.add(new Made(copy.id(), snapMs, copy.clientMs(), copy.available()));
        }
        report("snapshot create->available (as the client saw it)", copies.stream().map(Made::serverMs).toList());
        report("volume from snapshot create->available (as the client saw it)",
                copies.stream().map(Made::clientMs).toList());

        for (Made copy : copies) {
            delete(cinder, member, copy.id());
        }
        for (String snapshot : snapshots) {
            BenchApi.call("DELETE", cinder + "/snapshots/" + snapshot, member, null);
        }
        for (String snapshot : snapshots) {
            awaitGone(cinder + "/snapshots/" + snapshot, member);
        }
        for (Made volume : made) {
            delete(cinder, member, volume.id());
        }
    }

    private static Made create(String cinder, String token, String body) throws Exception {
        long t = System.nanoTime();
        String id = BenchApi.firstId(BenchApi.call("POST", cinder + "/volumes", token, body).body());
        String shown = awaitStatus(cinder + "/volumes/" + id, token);
        long clientMs = (System.nanoTime() - t) / 1_000_000;
        long serverMs = millis(UPDATED, shown) - millis(CREATED, shown);
        return new Made(id, serverMs, clientMs, "available".equals(value(STATUS, shown)));
    }

    /** Polls every 20 ms until the status is no longer a transitional one; answers the last body. */
    private static String awaitStatus(String url, String token) throws Exception {
        while (true) {
            String body = BenchApi.call("GET", url, token, null).body();
            String status = value(STATUS, body);
            if (!"creating".equals(status)) {
                return body;
            }
            Thread.sleep(20);
        }
    }

    private static void delete(String cinder, String token, String id) throws Exception {
        BenchApi.call("DELETE", cinder + "/volumes/" + id, token, null);
        awaitGone(cinder + "/volumes/" + id, token);
    }

    private static void awaitGone(String url, String token) throws Exception {
        for (int i = 0; i < 3000; i++) {
            try {
                BenchApi.call("GET", url, token, null);
            } catch (IllegalStateException e) {
                if (e.getMessage().contains(": 404 ")) {
                    return;
                }
                throw e;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(url + " is still there after a minute");
    }

    private static void report(String what, List<Long> millis) {
        if (millis.isEmpty()) {
            return;
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("%s: p50 %d ms, p99 %d ms, max %d ms (n=%d)%n", what, sorted.get(sorted.size() / 2),
                sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)),
                sorted.get(sorted.size() - 1), sorted.size());
    }

    private static String value(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        return m.find() ? m.group(1) : null;
    }

    private static long millis(Pattern pattern, String body) {
        String text = value(pattern, body);
        return text == null ? 0 : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
