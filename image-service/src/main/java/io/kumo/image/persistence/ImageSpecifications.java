package io.kumo.image.persistence;

import io.kumo.common.persistence.Keyset;
import io.kumo.image.domain.ImageQuery;
import io.kumo.image.domain.ImageStatus;
import io.kumo.image.domain.SortKey;
import io.kumo.image.domain.Visibility;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.MapJoin;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.jpa.domain.Specification;

/**
 * {@code GET /v2/images} in SQL: which images a project may see (Glance's visibility rules), the
 * filters and the order; paging after a marker is {@link Keyset}'s (no OFFSET: the 400th page costs
 * what the first does).
 */
public final class ImageSpecifications {

    /** Wire sort key to entity attribute. */
    private static final Map<String, String> ATTRIBUTES = Map.ofEntries(Map.entry("name", "name"),
            Map.entry("status", "status"), Map.entry("container_format", "containerFormat"),
            Map.entry("disk_format", "diskFormat"), Map.entry("size", "size"), Map.entry("virtual_size", "virtualSize"),
            Map.entry("id", "id"), Map.entry("created_at", "createdAt"), Map.entry("updated_at", "updatedAt"),
            Map.entry("visibility", "visibility"), Map.entry("owner", "owner"), Map.entry("min_disk", "minDisk"),
            Map.entry("min_ram", "minRam"), Map.entry("protected", "protectedFromDeletion"),
            Map.entry("os_hidden", "osHidden"));

    private ImageSpecifications() {
    }

    public static Specification<Image> matching(ImageQuery q) {
        return (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(visibleTo(q, root, query, cb));
            filters(q, root, cb, all);
            return cb.and(all.toArray(Predicate[]::new));
        };
    }

    /** The order of a list as entity attributes (paging appends the id). */
    public static List<Keyset.Key> keys(List<SortKey> sort) {
        return sort.stream().map(k -> new Keyset.Key(ATTRIBUTES.get(k.attribute()), k.ascending())).toList();
    }

    private static Predicate visibleTo(ImageQuery q, Root<Image> root, CriteriaQuery<?> query, CriteriaBuilder cb) {
        Path<Visibility> visibility = root.get("visibility");
        String requested = q.visibility();
        Predicate owned = cb.equal(root.get("owner"), q.viewerProject());
        Predicate sharedWithMe = cb.and(cb.equal(visibility, Visibility.SHARED), member(q, root, query, cb));
        if (requested == null || requested.equals(ImageQuery.ALL)) {
            if (q.admin()) {
                // Glance: an admin's default list is everything but other projects' community images
                return requested != null ? cb.conjunction()
                        : cb.or(owned, cb.notEqual(visibility, Visibility.COMMUNITY));
            }
            List<Predicate> any = new ArrayList<>(List.of(owned, cb.equal(visibility, Visibility.PUBLIC), sharedWithMe));
            if (requested != null) {
                any.add(cb.equal(visibility, Visibility.COMMUNITY));
            }
            return cb.or(any.toArray(Predicate[]::new));
        }
        Visibility only = Visibility.fromWire(requested);
        Predicate ofThatKind = cb.equal(visibility, only);
        if (q.admin() || only == Visibility.PUBLIC || only == Visibility.COMMUNITY) {
            return ofThatKind;
        }
        if (only == Visibility.SHARED) {
            return cb.and(ofThatKind, cb.or(owned, member(q, root, query, cb)));
        }
        return cb.and(ofThatKind, owned);
    }

    /** The caller's project is a member of the image, in the requested member status (any if none). */
    private static Predicate member(ImageQuery q, Root<Image> root, CriteriaQuery<?> query, CriteriaBuilder cb) {
        Subquery<Integer> members = query.subquery(Integer.class);
        Root<ImageMember> m = members.from(ImageMember.class);
        List<Predicate> where = new ArrayList<>(List.of(cb.equal(m.get("key").get("imageId"), root.get("id")),
                cb.equal(m.get("key").get("memberId"), q.viewerProject())));
        if (q.memberStatus() != null) {
            where.add(cb.equal(m.get("status"), q.memberStatus()));
        }
        members.select(cb.literal(1)).where(where.toArray(Predicate[]::new));
        return cb.exists(members);
    }

    private static void filters(ImageQuery q, Root<Image> root, CriteriaBuilder cb, List<Predicate> all) {
        all.add(cb.equal(root.get("osHidden"), q.osHidden()));
        anyOf(root.get("name"), q.names(), cb, all);
        anyOf(root.get("id"), q.ids(), cb, all);
        anyOf(root.get("status"), q.statuses(), cb, all);
        if (q.statuses() == null) {
            all.add(cb.notEqual(root.get("status"), ImageStatus.KILLED)); // Glance never lists killed images
        }
        anyOf(root.get("diskFormat"), q.diskFormats(), cb, all);
        anyOf(root.get("containerFormat"), q.containerFormats(), cb, all);
        equal(root.get("owner"), q.owner(), cb, all);
        equal(root.get("protectedFromDeletion"), q.protectedOnly(), cb, all);
        equal(root.get("checksum"), q.checksum(), cb, all);
        equal(root.get("osHashValue"), q.osHashValue(), cb, all);
        if (q.sizeMin() != null) {
            all.add(cb.greaterThanOrEqualTo(root.get("size"), q.sizeMin()));
        }
        if (q.sizeMax() != null) {
            all.add(cb.lessThanOrEqualTo(root.get("size"), q.sizeMax()));
        }
        times(root.get("createdAt"), q.createdAt(), cb, all);
        times(root.get("updatedAt"), q.updatedAt(), cb, all);
        for (String tag : q.tags()) {
            all.add(cb.equal(root.join("tags"), tag));
        }
        q.properties().forEach((name, value) -> {
            MapJoin<Image, String, String> property = root.joinMap("properties");
            all.add(cb.and(cb.equal(property.key(), name), cb.equal(property.value(), value)));
        });
    }

    private static void anyOf(Path<?> path, List<?> values, CriteriaBuilder cb, List<Predicate> all) {
        if (values != null) {
            all.add(values.isEmpty() ? cb.disjunction() : path.in(values));
        }
    }

    private static void equal(Path<?> path, Object value, CriteriaBuilder cb, List<Predicate> all) {
        if (value != null) {
            all.add(cb.equal(path, value));
        }
    }

    private static void times(Path<Instant> path, List<ImageQuery.TimeFilter> filters, CriteriaBuilder cb,
            List<Predicate> all) {
        for (ImageQuery.TimeFilter f : filters) {
            all.add(switch (f.operator()) {
                case "gt" -> cb.greaterThan(path, f.time());
                case "gte" -> cb.greaterThanOrEqualTo(path, f.time());
                case "lt" -> cb.lessThan(path, f.time());
                case "lte" -> cb.lessThanOrEqualTo(path, f.time());
                case "neq" -> cb.notEqual(path, f.time());
                default -> cb.equal(path, f.time());
            });
        }
    }
}
