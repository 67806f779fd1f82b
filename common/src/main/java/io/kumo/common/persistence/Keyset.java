package io.kumo.common.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * OpenStack's {@code limit}/{@code marker} paging done as keyset paging: the rows after the marker
 * row in the list's order, never an OFFSET, so the hundredth page costs what the first does. The order
 * always ends with the id, which makes it total; NULL sorts lowest, as in MySQL and MariaDB.
 */
public final class Keyset {

    private Keyset() {
    }

    /** One key of the order: an entity attribute and its direction. */
    public record Key(String attribute, boolean ascending) {
    }

    /** The keys with the id appended (in the direction of the last key) unless already there. */
    public static List<Key> total(List<Key> keys, String idAttribute) {
        List<Key> all = new ArrayList<>(keys);
        if (all.stream().noneMatch(k -> k.attribute().equals(idAttribute))) {
            all.add(new Key(idAttribute, all.isEmpty() || all.get(all.size() - 1).ascending()));
        }
        return all;
    }

    public static Sort sort(List<Key> totalKeys) {
        return Sort.by(totalKeys.stream().map(k -> k.ascending() ? Sort.Order.asc(k.attribute())
                : Sort.Order.desc(k.attribute())).toList());
    }

    /**
     * Rows after the marker row in the order of {@code totalKeys}; empty when no row has the marker id.
     * The marker's key values are read with one query.
     */
    public static <T> Optional<Specification<T>> after(EntityManager entityManager, Class<T> type, String idAttribute,
            Object markerId, List<Key> totalKeys) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<T> root = query.from(type);
        query.multiselect(totalKeys.stream().map(k -> root.get(k.attribute()).alias(k.attribute())).toList().toArray(
                new jakarta.persistence.criteria.Selection<?>[0])).where(cb.equal(root.get(idAttribute), markerId));
        List<Tuple> found = entityManager.createQuery(query).setMaxResults(1).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Tuple marker = found.get(0);
        return Optional.of((r, q, builder) -> after(r, builder, marker, totalKeys));
    }

    @SuppressWarnings("unchecked")
    private static <T> Predicate after(Root<T> root, CriteriaBuilder cb, Tuple marker, List<Key> keys) {
        List<Predicate> alternatives = new ArrayList<>();
        List<Predicate> sameSoFar = new ArrayList<>();
        for (Key key : keys) {
            Expression<Comparable<Object>> path = root.get(key.attribute());
            Comparable<Object> value = (Comparable<Object>) marker.get(key.attribute());
            Predicate later = key.ascending()
                    ? (value == null ? cb.isNotNull(path) : cb.greaterThan(path, value))
                    : (value == null ? null : cb.or(cb.lessThan(path, value), cb.isNull(path)));
            if (later != null) {
                List<Predicate> alternative = new ArrayList<>(sameSoFar);
                alternative.add(later);
                alternatives.add(cb.and(alternative.toArray(Predicate[]::new)));
            }
            sameSoFar.add(value == null ? cb.isNull(path) : cb.equal(path, value));
        }
        return alternatives.isEmpty() ? cb.disjunction() : cb.or(alternatives.toArray(Predicate[]::new));
    }
}
