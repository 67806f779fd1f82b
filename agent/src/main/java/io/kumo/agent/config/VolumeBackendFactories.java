package io.kumo.agent.config;

import io.kumo.agent.volume.BtrfsVolumeBackend;
import io.kumo.agent.volume.FileVolumeBackend;
import io.kumo.agent.volume.StorageHost;
import io.kumo.agent.volume.VolumeBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The volume backends an agent can run, by the driver id in each {@code agent.volume.backends} entry
 * ({@code <name>:<driver>:<target>}). A malformed entry, a name given twice, an unknown driver or a target the
 * driver cannot use stops start-up with the entry and the reason: a storage host that quietly runs fewer
 * backends than configured would only be noticed when volumes fail to schedule.
 */
final class VolumeBackendFactories {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String SETTING = "agent.volume.backends";

    private static final Map<String, BiFunction<Entry, AgentProperties.Volume, VolumeBackend>> KNOWN =
            new LinkedHashMap<>();

    static {
        KNOWN.put(FileVolumeBackend.DRIVER, (entry, settings) -> new FileVolumeBackend(entry.name(),
                Path.of(entry.target()), settings.copyTimeout()));
        KNOWN.put(BtrfsVolumeBackend.DRIVER, (entry, settings) -> new BtrfsVolumeBackend(entry.name(),
                Path.of(entry.target()), settings.copyTimeout()));
    }

    private VolumeBackendFactories() {
    }

    /** One configured backend. */
    record Entry(String name, String driver, String target) {

        static Entry parse(String text) {
            String[] parts = text.split(":", 3);
            if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
                throw new IllegalStateException(SETTING + ": '" + text + "' is not <name>:<driver>:<target>"
                        + " (e.g. nfs-1:file:/srv/kumo/volumes)");
            }
            String name = parts[0].trim();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalStateException(SETTING + ": backend name '" + name + "' may have only letters, digits,"
                        + " '.', '_' and '-' (at most 64)");
            }
            return new Entry(name, parts[1].trim(), parts[2].trim());
        }
    }

    /** The storage host {@code agent.host} with the configured backends (none: not a storage host). */
    static StorageHost storageHost(AgentProperties properties) {
        List<VolumeBackend> backends = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String text : properties.volume().backends()) {
            if (text == null || text.isBlank()) {
                continue;
            }
            Entry entry = Entry.parse(text.trim());
            if (names.contains(entry.name())) {
                throw new IllegalStateException(SETTING + ": backend '" + entry.name() + "' is configured twice");
            }
            names.add(entry.name());
            backends.add(create(entry, properties.volume()));
        }
        return new StorageHost(properties.host(), properties.availabilityZone(), backends);
    }

    private static VolumeBackend create(Entry entry, AgentProperties.Volume settings) {
        BiFunction<Entry, AgentProperties.Volume, VolumeBackend> factory = KNOWN.get(entry.driver());
        if (factory == null) {
            throw new IllegalStateException("Unknown volume driver '" + entry.driver() + "' for backend '"
                    + entry.name() + "' in " + SETTING + "; known: " + String.join(", ", KNOWN.keySet()));
        }
        try {
            return factory.apply(entry, settings);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(SETTING + ": " + e.getMessage(), e);
        }
    }
}
