package io.kumo.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Load on {@code POST /v3/auth/tokens}: C concurrent clients for S seconds, for the {@code password}
 * method and for {@code token} (re-scoping an unscoped token). Prints throughput, p50 and p99, and the
 * cost of the bcrypt check alone at the same strength, so the overhead beyond the hash can be read off.
 * Bounded in time and count; talks only to the given identity URL (loopback).
 *
 * <p>Usage: AuthLoad <identity-url> <user> <password> <project> <clients> <seconds> <bcrypt-strength>
 */
public final class AuthLoad {

    private AuthLoad() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0] + "/v3/auth/tokens";
        String user = args[1];
        String password = args[2];
        String project = args[3];
        int clients = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        int strength = Integer.parseInt(args[6]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        String passwordBody = "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\""
                + user + "\",\"domain\":{\"name\":\"Default\"},\"password\":\"" + password + "\"}}},"
                + "\"scope\":{\"project\":{\"name\":\"" + project + "\",\"domain\":{\"name\":\"Default\"}}}}}";
        HttpResponse<String> unscoped = http.send(post(url, "{\"auth\":{\"identity\":{\"methods\":[\"password\"],"
                + "\"password\":{\"user\":{\"name\":\"" + user + "\",\"domain\":{\"name\":\"Default\"},\"password\":\""
                + password + "\"}}},\"scope\":\"unscoped\"}}"), HttpResponse.BodyHandlers.ofString());
        String subject = unscoped.headers().firstValue("X-Subject-Token").orElseThrow(
                () -> new IllegalStateException("cannot authenticate: " + unscoped.statusCode() + " " + unscoped.body()));
        String tokenBody = "{\"auth\":{\"identity\":{\"methods\":[\"token\"],\"token\":{\"id\":\"" + subject + "\"}},"
                + "\"scope\":{\"project\":{\"name\":\"" + project + "\",\"domain\":{\"name\":\"Default\"}}}}}";

        System.out.printf("bcrypt verify alone (strength %d): p50 %.1f ms%n", strength, bcryptMillis(strength));
        // let the server's JIT compile the hot paths before anything is measured: the password path
        // needs about a thousand requests before its time beyond the hash settles
        run(http, url, tokenBody, 4, Math.max(10, seconds));
        run(http, url, passwordBody, 4, Math.max(40, seconds));
        for (int c : new int[] {1, clients}) {
            report("password", c, run(http, url, passwordBody, c, seconds));
            report("token", c, run(http, url, tokenBody, c, seconds));
        }
    }

    private static double bcryptMillis(int strength) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(strength);
        String hash = bcrypt.encode("benchmark-password");
        long[] times = new long[30];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            bcrypt.matches("benchmark-password", hash);
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        return times[times.length / 2] / 1e6;
    }

    private static Result run(HttpClient http, String url, String body, int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<Future<List<long[]>>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(() -> {
                List<long[]> samples = new ArrayList<>();
                while (System.nanoTime() < deadline && samples.size() < 1_000_000) {
                    long start = System.nanoTime();
                    HttpResponse<Void> response = http.send(post(url, body), HttpResponse.BodyHandlers.discarding());
                    samples.add(new long[] {System.nanoTime() - start, issueNanos(response)});
                    if (response.statusCode() != 201) {
                        errors.incrementAndGet();
                    }
                }
                return samples;
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<List<long[]>> f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();
        long[] latencies = all.stream().mapToLong(s -> s[0]).sorted().toArray();
        long[] issue = all.stream().mapToLong(s -> s[1]).sorted().toArray();
        return new Result(latencies, issue, seconds, errors.get());
    }

    /** The server's own time beyond the hash check, from its Server-Timing header ("other;dur=3.05"). */
    private static long issueNanos(HttpResponse<?> response) {
        String timing = response.headers().firstValue("Server-Timing").orElse("");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("other;dur=([0-9.]+)").matcher(timing);
        return m.find() ? (long) (Double.parseDouble(m.group(1)) * 1e6) : 0;
    }

    private static HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void report(String method, int clients, Result r) {
        System.out.printf("POST /v3/auth/tokens %-8s clients=%-3d requests=%-6d errors=%-3d %7.1f req/s  "
                        + "p50 %7.1f ms  p99 %7.1f ms  | server time beyond the hash: p50 %5.2f ms  p99 %5.2f ms%n",
                method, clients, r.latencies.length, r.errors, r.latencies.length / (double) r.seconds,
                percentile(r.latencies, 50), percentile(r.latencies, 99), percentile(r.issue, 50),
                percentile(r.issue, 99));
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private record Result(long[] latencies, long[] issue, int seconds, long errors) {
    }
}
