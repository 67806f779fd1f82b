package io.kumo.agent.driver.runc;

import io.kumo.agent.driver.FileImageSource;
import io.kumo.agent.driver.HostCommands;
import io.kumo.agent.driver.ImageCache;
import io.kumo.agent.driver.InstanceFiles;
import io.kumo.common.contract.host.BuildServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code bench/run rootfs}: how long a container's root filesystem takes to make from an image, per
 * storage kind — ext4 (sparse disk image, mkfs, loop mount, the tarball unpacked, owners shifted) against
 * btrfs (a snapshot of the image's subvolume, owners shifted, quota set) — over {@code ROUNDS} containers
 * of the tarball given (root; a scratch directory of its own, removed afterwards). Prints p50 and max per
 * kind, and btrfs's first container (the image unpacked into its subvolume) apart.
 */
public final class RootDisksBench {

    private RootDisksBench() {
    }

    public static void main(String[] args) throws Exception {
        Path tarball = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long diskBytes = 4L << 30;
        Path scratch = Files.createTempDirectory("kumo-rootfs-bench");
        HostCommands commands = new HostCommands(Duration.ofMinutes(10));
        BuildServer.ImageSpec image = FileImageSource.image("bench-image", "raw", Map.of());
        try {
            InstanceFiles.traversable(scratch);
            ImageCache cache = new ImageCache(new FileImageSource().with(image, tarball), scratch.resolve("images"),
                    Long.MAX_VALUE, file -> false, Clock.systemUTC());
            RootfsImages images = new RootfsImages(cache, commands, Long.MAX_VALUE);
            cache.fetch(image, ".tar");
            System.out.printf("image %s: %d MiB%n", tarball, Files.size(tarball) >> 20);
            report("ext4 ", time(new Ext4Disks(commands, images), image, scratch, rounds, diskBytes));
            BtrfsDisks btrfs = BtrfsDisks.open(StorageSettings.btrfs(64), scratch, 64, commands, images);
            try {
                List<Long> times = time(btrfs, image, scratch, rounds + 1, diskBytes);
                System.out.printf("btrfs first container (the image unpacked into its subvolume): %d ms%n",
                        times.get(0));
                report("btrfs", times.subList(1, times.size()));
                btrfs.forgetImage(image.id());
            } finally {
                btrfs.close();
            }
        } finally {
            commands.run(List.of("rm", "-rf", "--one-file-system", scratch.toString()));
        }
    }

    private static List<Long> time(RootDisks disks, BuildServer.ImageSpec image, Path scratch, int rounds,
            long diskBytes) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            String uuid = UUID.randomUUID().toString();
            Path dir = scratch.resolve("instances").resolve(uuid);
            InstanceFiles.traversable(dir);
            long started = System.nanoTime();
            disks.create(uuid, dir, diskBytes, image, 1_000_000_000L + i * 65536L);
            disks.attach(uuid, dir);
            millis.add((System.nanoTime() - started) / 1_000_000);
            disks.remove(uuid, dir);
        }
        return millis;
    }

    private static void report(String kind, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("%s: %d containers, p50 %d ms, max %d ms%n", kind, sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
    }
}
