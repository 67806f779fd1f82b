package io.kumo.network.api;

import io.kumo.network.domain.InvalidNetworkInput;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.jpa.domain.Specification;

/**
 * Neutron list filters: any listed attribute by equality, repeated values meaning "any of" ({@code
 * ?id=a&id=b}); {@code fields=} picks the attributes returned. Paging and sorting parameters are
 * read here too; unknown filters are ignored, as Neutron does.
 */
final class ListQuery {

    private static final Set<String> NOT_FILTERS = Set.of("fields", "limit", "marker", "sort_key", "sort_dir",
            "page_reverse");

    private ListQuery() {
    }

    /**
     * @param attributes wire name to entity attribute, with the entity attribute's type (String, Boolean, Integer)
     */
    static <T> Specification<T> filters(Map<String, String[]> params, Map<String, Attribute> attributes) {
        Specification<T> spec = (root, query, cb) -> cb.conjunction();
        for (Map.Entry<String, String[]> param : params.entrySet()) {
            Attribute attribute = attributes.get(param.getKey());
            if (attribute == null || NOT_FILTERS.contains(param.getKey())) {
                continue;
            }
            List<Object> values = new ArrayList<>();
            for (String value : param.getValue()) {
                values.add(attribute.convert(param.getKey(), value));
            }
            spec = spec.and((root, query, cb) -> {
                Path<Object> path = root.get(attribute.entityName());
                List<Predicate> any = new ArrayList<>();
                for (Object value : values) {
                    any.add(cb.equal(path, value));
                }
                return cb.or(any.toArray(Predicate[]::new));
            });
        }
        return spec;
    }

    /** Only the requested fields (Neutron always honours {@code fields}, and we keep the order of the view). */
    static Map<String, Object> select(Map<String, Object> view, String[] fields) {
        if (fields == null || fields.length == 0) {
            return view;
        }
        Set<String> wanted = Set.of(fields);
        Map<String, Object> selected = new LinkedHashMap<>();
        view.forEach((key, value) -> {
            if (wanted.contains(key)) {
                selected.put(key, value);
            }
        });
        return selected;
    }

    /** A filterable attribute: its entity name and how a query-string value becomes its type. */
    record Attribute(String entityName, Class<?> type) {

        static Attribute text(String entityName) {
            return new Attribute(entityName, String.class);
        }

        static Attribute flag(String entityName) {
            return new Attribute(entityName, Boolean.class);
        }

        static Attribute number(String entityName) {
            return new Attribute(entityName, Long.class);
        }

        Object convert(String name, String value) {
            if (type == Boolean.class) {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw new InvalidNetworkInput("'" + value + "' is not a valid boolean value for " + name + ".");
                }
                return Boolean.parseBoolean(value);
            }
            if (type == Long.class) {
                try {
                    return Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new InvalidNetworkInput("'" + value + "' is not an integer for " + name + ".");
                }
            }
            return value;
        }
    }
}
