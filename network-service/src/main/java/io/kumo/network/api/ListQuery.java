package io.kumo.network.api;

import io.kumo.common.persistence.Keyset;
import io.kumo.network.application.ListPage;
import io.kumo.network.domain.InvalidNetworkInput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Neutron list filters: any listed attribute by equality, repeated values meaning "any of" ({@code
 * ?id=a&id=b}); {@code fields=} picks the attributes returned. Paging and sorting parameters are
 * read here too; unknown filters are ignored, as Neutron does.
 */
final class ListQuery {

    private static final Set<String> NOT_FILTERS = Set.of("fields", "limit", "marker", "sort_key", "sort_dir",
            "page_reverse", "tags", "tags-any", "not-tags", "not-tags-any");

    private ListQuery() {
    }

    /**
     * @param attributes wire name to entity attribute, with the entity attribute's type (String, Boolean, Integer)
     */
    static <T> Specification<T> filters(Map<String, String[]> params, Map<String, Attribute> attributes) {
        Specification<T> spec = tagFilters(params);
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

    /**
     * The slice asked for: {@code sort_key}/{@code sort_dir} pairs (on listed attributes), {@code limit},
     * {@code marker}. Without a limit the whole list comes back, as in Neutron without
     * {@code pagination_max_limit}.
     */
    static ListPage page(Map<String, String[]> params, Map<String, Attribute> attributes) {
        String[] keys = params.getOrDefault("sort_key", new String[0]);
        String[] dirs = params.getOrDefault("sort_dir", new String[0]);
        if (dirs.length > 0 && dirs.length != keys.length) {
            throw new InvalidNetworkInput("The number of sort_keys and sort_dirs must be same.");
        }
        List<Keyset.Key> order = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            Attribute attribute = attributes.get(keys[i]);
            if (attribute == null) {
                throw new InvalidNetworkInput(keys[i] + " is an invalid attribute for sort_keys.");
            }
            String dir = dirs.length == 0 ? "asc" : dirs[i];
            if (!dir.equals("asc") && !dir.equals("desc")) {
                throw new InvalidNetworkInput(dir + " is an invalid value for sort_dirs, valid values are 'asc' and 'desc'.");
            }
            order.add(new Keyset.Key(attribute.entityName(), dir.equals("asc")));
        }
        if (order.isEmpty()) {
            order.add(new Keyset.Key("createdAt", true));
        }
        Integer limit = null;
        String[] limits = params.get("limit");
        if (limits != null && limits.length > 0 && !limits[0].isBlank()) {
            try {
                limit = Integer.parseInt(limits[0]);
            } catch (NumberFormatException e) {
                throw new InvalidNetworkInput("'" + limits[0] + "' is not an integer for limit.");
            }
            if (limit < 0) {
                throw new InvalidNetworkInput("Limit must be an integer 0 or greater and not '" + limit + "'.");
            }
            limit = limit == 0 ? null : limit;
        }
        String[] markers = params.get("marker");
        return new ListPage(order, markers == null || markers.length == 0 ? null : markers[0], limit);
    }

    /** {@code {"<collection>": [...], "<collection>_links": [{"rel": "next", ...}]}} as Neutron pages. */
    static Map<String, Object> body(String collection, List<Map<String, Object>> items, boolean more,
            HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(collection, items);
        if (more && !items.isEmpty()) {
            UriComponentsBuilder next = UriComponentsBuilder.fromUriString(request.getRequestURL().toString());
            request.getParameterMap().forEach((key, values) -> {
                if (!key.equals("marker")) {
                    next.queryParam(key, (Object[]) values);
                }
            });
            next.queryParam("marker", items.get(items.size() - 1).get("id"));
            body.put(collection + "_links", List.of(Map.of("rel", "next", "href", next.encode().build().toUriString())));
        }
        return body;
    }

    /**
     * Neutron's tag filters, each a comma-separated list: {@code tags} (all of them), {@code tags-any},
     * {@code not-tags} (not all of them), {@code not-tags-any} (none of them).
     */
    private static <T> Specification<T> tagFilters(Map<String, String[]> params) {
        Specification<T> spec = (root, query, cb) -> cb.conjunction();
        for (String filter : List.of("tags", "tags-any", "not-tags", "not-tags-any")) {
            String[] values = params.get(filter);
            if (values == null || values.length == 0) {
                continue;
            }
            List<String> tags = new ArrayList<>();
            for (String value : values) {
                tags.addAll(List.of(value.split(",")));
            }
            spec = spec.and((root, query, cb) -> {
                List<Predicate> each = new ArrayList<>();
                for (String tag : tags) {
                    String literal = tag.replace("!", "!!").replace("%", "!%").replace("_", "!_");
                    each.add(cb.like(root.get("tags"), "%," + literal + ",%", '!'));
                }
                Predicate all = cb.and(each.toArray(Predicate[]::new));
                Predicate any = cb.or(each.toArray(Predicate[]::new));
                return switch (filter) {
                    case "tags" -> all;
                    case "tags-any" -> any;
                    case "not-tags" -> cb.or(cb.isNull(root.get("tags")), cb.not(all));
                    default -> cb.or(cb.isNull(root.get("tags")), cb.not(any));
                };
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
