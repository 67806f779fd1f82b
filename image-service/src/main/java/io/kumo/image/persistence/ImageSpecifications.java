package io.kumo.image.persistence;

import io.kumo.image.domain.ImageQuery;
import io.kumo.image.domain.ImageStatus;
import io.kumo.image.domain.SortKey;
import io.kumo.image.domain.Visibility;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.MapJoin;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * {@code GET /v2/images} in SQL: which images a project may see (Glance's visibility rules), the
 * filters, the order, and keyset paging after a marker image — no OFFSET, so the 400th page costs
 * what the first does.
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

    public static Specification<Image> matching(ImageQuery q, Image marker) {
        return (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            all.add(visibleTo(q, root, query, cb));
            filters(q, root, cb, all);
            if (marker != null) {
                all.add(after(marker, keys(q.sort()), root, cb));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
    }

    /** The order of a list, with the id last so that it is total (and keyset paging exact). */
    public static Sort sort(List<SortKey> sort) {
        List<Sort.Order> orders = new ArrayList<>();
        for (SortKey key : keys(sort)) {
            String attribute = ATTRIBUTES.get(key.attribute());
            orders.add(key.ascending() ? Sort.Order.asc(attribute) : Sort.Order.desc(attribute));
        }
        return Sort.by(orders);
    }

    private static List<SortKey> keys(List<SortKey> sort) {
        List<SortKey> keys = new ArrayList<>(sort);
        if (keys.stream().noneMatch(k -> k.attribute().equals("id"))) {
            keys.add(new SortKey("id", keys.get(keys.size() - 1).ascending()));
        }
        return keys;
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

    /**
     * Rows after the marker in the list's order: for keys k1..kn, (k1 after) or (k1 same and k2 after)
     * or ... NULL sorts lowest, as MySQL and MariaDB order it.
     */
    private static Predicate after(Image marker, List<SortKey> keys, Root<Image> root, CriteriaBuilder cb) {
        List<Predicate> alternatives = new ArrayList<>();
        List<Predicate> sameSoFar = new ArrayList<>();
        for (SortKey key : keys) {
            String attribute = ATTRIBUTES.get(key.attribute());
            Expression<Comparable<Object>> path = root.get(attribute);
            Comparable<Object> value = valueOf(marker, attribute);
            Predicate later = laterThan(path, value, key.ascending(), cb);
            if (later != null) {
                List<Predicate> alternative = new ArrayList<>(sameSoFar);
                alternative.add(later);
                alternatives.add(cb.and(alternative.toArray(Predicate[]::new)));
            }
            sameSoFar.add(value == null ? cb.isNull(path) : cb.equal(path, value));
        }
        return cb.or(alternatives.toArray(Predicate[]::new));
    }

    private static Predicate laterThan(Expression<Comparable<Object>> path, Comparable<Object> value,
            boolean ascending, CriteriaBuilder cb) {
        if (ascending) {
            return value == null ? cb.isNotNull(path) : cb.greaterThan(path, value);
        }
        return value == null ? null : cb.or(cb.lessThan(path, value), cb.isNull(path));
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> valueOf(Image image, String attribute) {
        Object value = switch (attribute) {
            case "name" -> image.name();
            case "status" -> image.status();
            case "containerFormat" -> image.containerFormat();
            case "diskFormat" -> image.diskFormat();
            case "size" -> image.size();
            case "virtualSize" -> image.virtualSize();
            case "id" -> image.id();
            case "createdAt" -> image.createdAt();
            case "updatedAt" -> image.updatedAt();
            case "visibility" -> image.visibility();
            case "owner" -> image.owner();
            case "minDisk" -> image.minDisk();
            case "minRam" -> image.minRam();
            case "protectedFromDeletion" -> image.isProtected();
            case "osHidden" -> image.osHidden();
            default -> throw new IllegalArgumentException("not a sort attribute: " + attribute);
        };
        return (Comparable<Object>) value;
    }
}
