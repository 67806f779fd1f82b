package io.kumo.agent.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import io.kumo.agent.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCacheTest {

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Set<String> inUse = new HashSet<>();

    private FileImageSource images() throws IOException {
        FileImageSource source = new FileImageSource();
        for (String id : new String[] {"img-a", "img-b", "img-c", "img-d"}) {
            Path file = tmp.resolve(id + ".raw");
            Files.write(file, new byte[400]);
            source.with(FileImageSource.image(id, "raw", Map.of()), file);
        }
        return source;
    }

    private ImageCache cache(FileImageSource source) {
        return new ImageCache(source, tmp.resolve("cache"), 1000, file -> inUse.contains(
                file.getFileName().toString().split("\\.", 2)[0]), clock);
    }

    @Test
    void concurrentBuildsOfOneImageShareOneDownload() throws Exception {
        FileImageSource source = images();
        ImageCache cache = cache(source);

        CompletableFuture<Path> first = CompletableFuture.supplyAsync(() -> cache.fetch(spec("img-a"), ".raw"));
        Path second = cache.fetch(spec("img-a"), ".raw");

        assertThat(first.get()).isEqualTo(second);
        assertThat(source.downloads()).isEqualTo(1);
    }

    @Test
    void aboveItsBoundTheLeastRecentlyUsedImageGoesButNotOneInUseNorOneJustUsed() throws Exception {
        ImageCache cache = cache(images());
        cache.fetch(spec("img-a"), ".raw");
        clock.advance(Duration.ofMinutes(20));
        cache.fetch(spec("img-b"), ".raw");
        clock.advance(Duration.ofMinutes(20));
        inUse.add("img-a");

        cache.fetch(spec("img-c"), ".raw"); // 1,200 bytes > 1,000: one must go

        assertThat(cached()).as("img-a is older but in use; img-c was just used").containsExactlyInAnyOrder(
                "img-a.raw", "img-c.raw");
        inUse.clear();
        clock.advance(Duration.ofMinutes(1));
        cache.fetch(spec("img-d"), ".raw");
        assertThat(cached()).as("img-c and img-d were used in the last ten minutes").containsExactlyInAnyOrder(
                "img-c.raw", "img-d.raw");
    }

    @Test
    void anImageDeletedInImageServiceLeavesTheCacheUnlessInUse() throws Exception {
        ImageCache cache = cache(images());
        cache.fetch(spec("img-a"), ".raw");
        cache.fetch(spec("img-b"), ".raw");
        inUse.add("img-b");

        cache.forget("img-a");
        cache.forget("img-b");

        assertThat(cached()).containsExactly("img-b.raw");
    }

    private Set<String> cached() throws IOException {
        try (var files = Files.list(tmp.resolve("cache"))) {
            return new HashSet<>(files.map(f -> f.getFileName().toString()).toList());
        }
    }

    private static io.kumo.common.contract.host.BuildServer.ImageSpec spec(String id) {
        return FileImageSource.image(id, "raw", Map.of());
    }
}
