package io.kumo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Volumes attached to a server of a running {@code KUMO_AGENT_DRIVER=… ./kumo up}, one after another: a
 * project of its own with a network and one server of the image named, then {@code count} 1 GiB volumes,
 * each created (→ available), attached through compute ({@code os-volume_attachments} → in-use) and
 * detached (→ available). Prints p50/p99 of each step as the client saw it (polled every 20 ms).
 *
 * <p>With a runc root (the server is a container on this machine), it also writes 512 MiB sequentially with
 * {@code dd … conv=fsync} into an attached volume from inside the container and into the volume directory
 * on the host, and prints both rates and their ratio. Everything it made is deleted.
 *
 * <p>Usage: AttachLoad <identity-url> <image-url> <network-url> <compute-url (…/v2.1)> <volume-url (…/v3)>
 * <admin-password> <image-name> <count> [<runc-root> <volume-dir>]
 */
public final class AttachLoad {

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern DEVICE = Pattern.compile("\"device\"\\s*:\\s*\"([^\"]+)\"");
    private static final int WRITE_MIB = 512;

    private AttachLoad() {
    }

    public static void main(String[] args) throws Exception {
        String identity = args[0];
        String glance = args[1];
        String neutron = args[2];
        String nova = args[3];
        String cinderRoot = args[4];
        String admin = BenchApi.token(identity, "admin", args[5], "admin");
        String imageName = args[6];
        int count = Integer.parseInt(args[7]);
        String runcRoot = args.length > 9 ? args[8] : null;
        Path volumeDir = args.length > 9 ? Path.of(args[9]) : null;
        String project = "bench-attach-" + Long.toString(System.currentTimeMillis(), 36);
        String member = BenchApi.memberProject(identity, admin, project, List.of(
                new BenchApi.Limit("block-storage", "volumes", 10_000),
                new BenchApi.Limit("block-storage", "gigabytes", 100_000)));
        String projectId = BenchApi.firstId(BenchApi.call("GET", identity + "/v3/projects?name=" + project, admin,
                null).body());
        String cinder = cinderRoot + "/" + projectId;
        String image = BenchApi.firstId(BenchApi.call("GET", glance + "/v2/images?name=" + imageName, member, null)
                .body());
        if (image == null) {
            throw new IllegalStateException("no image named " + imageName);
        }
        String network = BenchApi.firstId(BenchApi.call("POST", neutron + "/v2.0/networks", member,
                "{\"network\":{\"name\":\"bench-attach\"}}").body());
        BenchApi.call("POST", neutron + "/v2.0/subnets", member, "{\"subnet\":{\"network_id\":\"" + network
                + "\",\"ip_version\":4,\"cidr\":\"10.211.0.0/24\"}}");
        String server = BenchApi.firstId(BenchApi.call("POST", nova + "/servers", member, "{\"server\":{\"name\":"
                + "\"bench-attach\",\"flavorRef\":\"m1.tiny\",\"imageRef\":\"" + image + "\",\"networks\":[{\"uuid\":\""
                + network + "\"}]}}").body());
        awaitStatus(nova + "/servers/" + server, member, "ACTIVE");

        List<Long> creates = new ArrayList<>();
        List<Long> attaches = new ArrayList<>();
        List<Long> detaches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            String volume = BenchApi.firstId(BenchApi.call("POST", cinder + "/volumes", member,
                    "{\"volume\":{\"size\":1,\"name\":\"bench-" + i + "\"}}").body());
            awaitStatus(cinder + "/volumes/" + volume, member, "available");
            creates.add(millisSince(t));
            t = System.nanoTime();
            attach(nova, member, server, volume, null);
            awaitStatus(cinder + "/volumes/" + volume, member, "in-use");
            attaches.add(millisSince(t));
            t = System.nanoTime();
            BenchApi.call("DELETE", nova + "/servers/" + server + "/os-volume_attachments/" + volume, member, null);
            awaitStatus(cinder + "/volumes/" + volume, member, "available");
            detaches.add(millisSince(t));
            BenchApi.call("DELETE", cinder + "/volumes/" + volume, member, null);
        }
        System.out.printf("%d volumes of 1 GiB attached to and detached from one server of %s, one at a time%n",
                count, imageName);
        report("create->available", creates);
        report("attach->in-use", attaches);
        report("detach->available", detaches);

        if (runcRoot != null) {
            writeThroughput(nova, cinder, member, server, runcRoot, volumeDir);
        }
        BenchApi.call("DELETE", nova + "/servers/" + server, member, null);
    }

    /** The same sequential write inside the container on an attached volume and on the host, and their ratio. */
    private static void writeThroughput(String nova, String cinder, String member, String server, String runcRoot,
            Path volumeDir) throws Exception {
        String volume = BenchApi.firstId(BenchApi.call("POST", cinder + "/volumes", member,
                "{\"volume\":{\"size\":2,\"name\":\"bench-write\"}}").body());
        awaitStatus(cinder + "/volumes/" + volume, member, "available");
        String mountPoint = attach(nova, member, server, volume, null);
        awaitStatus(cinder + "/volumes/" + volume, member, "in-use");
        String ddArgs = " bs=1M count=" + WRITE_MIB + " conv=fsync";
        double inside = seconds(List.of("runc", "--root", runcRoot, "exec", server, "/bin/sh", "-c",
                "dd if=/dev/zero of=" + mountPoint + "/bench.bin" + ddArgs));
        Path hostFile = volumeDir.resolve("bench-host-write.bin");
        double onHost;
        try {
            onHost = seconds(List.of("sh", "-c", "dd if=/dev/zero of=" + hostFile + ddArgs));
        } finally {
            Files.deleteIfExists(hostFile);
        }
        System.out.printf("sequential write of %d MiB (dd conv=fsync): in the container on the attached volume"
                + " %.0f MiB/s, on the host in the volume directory %.0f MiB/s: ratio %.2f%n", WRITE_MIB,
                WRITE_MIB / inside, WRITE_MIB / onHost, onHost / inside);
        BenchApi.call("DELETE", nova + "/servers/" + server + "/os-volume_attachments/" + volume, member, null);
        awaitStatus(cinder + "/volumes/" + volume, member, "available");
        BenchApi.call("DELETE", cinder + "/volumes/" + volume, member, null);
    }

    /** POST os-volume_attachments; the device the volume got. */
    private static String attach(String nova, String token, String server, String volume, String device)
            throws Exception {
        String body = BenchApi.call("POST", nova + "/servers/" + server + "/os-volume_attachments", token,
                "{\"volumeAttachment\":{\"volumeId\":\"" + volume + "\""
                        + (device == null ? "" : ",\"device\":\"" + device + "\"") + "}}").body();
        Matcher m = DEVICE.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no device in " + body);
        }
        return m.group(1);
    }

    private static double seconds(List<String> command) throws Exception {
        long t = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + printed);
        }
        return (System.nanoTime() - t) / 1e9;
    }

    /** Polls every 20 ms until the status is {@code wanted}; an error status ends the run. */
    private static void awaitStatus(String url, String token, String wanted) throws Exception {
        for (int i = 0; i < 15_000; i++) {
            Matcher m = STATUS.matcher(BenchApi.call("GET", url, token, null).body());
            String status = m.find() ? m.group(1) : null;
            if (wanted.equals(status)) {
                return;
            }
            if ("error".equalsIgnoreCase(status)) {
                throw new IllegalStateException(url + " went to " + status);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(url + " is not " + wanted + " after five minutes");
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void report(String what, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("%s: p50 %d ms, p99 %d ms, max %d ms (n=%d)%n", what, sorted.get(sorted.size() / 2),
                sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)),
                sorted.get(sorted.size() - 1), sorted.size());
    }
}
