package io.kumo.image.persistence;

import io.kumo.image.domain.ImageAttributes;
import io.kumo.image.domain.ImageSnapshot;
import io.kumo.image.domain.ImageStatus;
import io.kumo.image.domain.Visibility;
import jakarta.persistence.CollectionTable;
import io.kumo.common.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hibernate.annotations.BatchSize;

/**
 * A Glance image. Its status has no setter: it changes only through the guarded updates of
 * {@link ImageRepository}, which compare the current status (and, while data streams in, the upload's
 * id) so that two requests can never both move it.
 */
@Entity
@Table(name = "images")
public class Image extends AssignedIdEntity {

    @Id
    private String id;
    private String name;
    private String owner;
    @Enumerated(EnumType.STRING)
    private ImageStatus status;
    @Enumerated(EnumType.STRING)
    private Visibility visibility;
    @Column(name = "is_protected")
    private boolean protectedFromDeletion;
    private boolean osHidden;
    private String diskFormat;
    private String containerFormat;
    private int minRam;
    private int minDisk;
    private Long size;
    private Long virtualSize;
    private String checksum;
    private String osHashAlgo;
    private String osHashValue;
    private String storeId;
    private String location;
    private String uploadId;
    private Long uploadReserved;
    private Instant uploadHeartbeat;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "image_properties", joinColumns = @JoinColumn(name = "image_id"))
    @MapKeyColumn(name = "prop_name")
    @Column(name = "prop_value")
    @BatchSize(size = 100)
    private Map<String, String> properties = new TreeMap<>();

    @ElementCollection
    @CollectionTable(name = "image_tags", joinColumns = @JoinColumn(name = "image_id"))
    @Column(name = "tag")
    @BatchSize(size = 100)
    private Set<String> tags = new TreeSet<>();

    protected Image() {
    }

    @Override
    public String getId() {
        return id;
    }

    public Image(String id, String owner, ImageAttributes attributes, Instant now) {
        this.id = id;
        this.owner = owner;
        this.status = ImageStatus.QUEUED;
        this.createdAt = now;
        this.updatedAt = now;
        apply(attributes, now);
    }

    /** Changes what a PATCH may change; status, data and ownership are not among it. */
    public void apply(ImageAttributes a, Instant now) {
        this.name = a.name();
        this.visibility = a.visibility();
        this.protectedFromDeletion = a.protectedFromDeletion();
        this.osHidden = a.osHidden();
        this.diskFormat = a.diskFormat();
        this.containerFormat = a.containerFormat();
        this.minRam = a.minRam();
        this.minDisk = a.minDisk();
        this.properties = new TreeMap<>(a.properties());
        this.tags = new TreeSet<>(a.tags());
        this.updatedAt = now;
    }

    public void addTag(String tag, Instant now) {
        if (tags.add(tag)) {
            updatedAt = now;
        }
    }

    public boolean removeTag(String tag, Instant now) {
        boolean removed = tags.remove(tag);
        if (removed) {
            updatedAt = now;
        }
        return removed;
    }

    public ImageAttributes attributes() {
        return new ImageAttributes(name, visibility, protectedFromDeletion, osHidden, diskFormat, containerFormat,
                minRam, minDisk, new LinkedHashMap<>(properties), new TreeSet<>(tags));
    }

    public ImageSnapshot snapshot() {
        return new ImageSnapshot(id, owner, status, attributes(), size, virtualSize, checksum, osHashAlgo, osHashValue,
                createdAt, updatedAt);
    }

    public String id() { return id; }
    public long version() { return version; }
    public String name() { return name; }
    public String owner() { return owner; }
    public ImageStatus status() { return status; }
    public Visibility visibility() { return visibility; }
    public boolean isProtected() { return protectedFromDeletion; }
    public boolean osHidden() { return osHidden; }
    public String diskFormat() { return diskFormat; }
    public String containerFormat() { return containerFormat; }
    public int minRam() { return minRam; }
    public int minDisk() { return minDisk; }
    public Long size() { return size; }
    public Long virtualSize() { return virtualSize; }
    public String checksum() { return checksum; }
    public String osHashAlgo() { return osHashAlgo; }
    public String osHashValue() { return osHashValue; }
    public String storeId() { return storeId; }
    public String location() { return location; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Map<String, String> properties() { return Collections.unmodifiableMap(properties); }
    public Set<String> tags() { return Collections.unmodifiableSet(tags); }
}
