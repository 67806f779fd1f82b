package io.kumo.image.api;

import io.kumo.common.error.ApiException;
import io.kumo.image.domain.ImageAccess;
import io.kumo.image.domain.ImageQuery;
import io.kumo.image.domain.ImageStatus;
import io.kumo.image.domain.MemberStatus;
import io.kumo.image.domain.SortKey;
import io.kumo.image.domain.Visibility;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The query string of {@code GET /v2/images} as Glance reads it (images.py RequestDeserializer.index):
 * equality or {@code in:} filters, {@code sort=k:dir,...} or the legacy {@code sort_key}/{@code sort_dir},
 * and any parameter it does not know filtering on an extra property. Anything malformed is a 400.
 */
final class ImageListRequest {

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 1000;
    private static final Set<String> PAGING = Set.of("limit", "marker", "sort", "sort_key", "sort_dir");
    private static final Set<String> KNOWN = Set.of("name", "id", "status", "container_format", "disk_format",
            "visibility", "owner", "size_min", "size_max", "created_at", "updated_at", "tag", "member_status",
            "os_hidden", "protected", "checksum", "os_hash_value");

    private ImageListRequest() {
    }

    static ImageQuery parse(Map<String, String[]> params, ImageAccess.Viewer viewer) {
        if (params.containsKey("changes-since")) {
            throw ApiException.badRequest("The changes-since filter is no longer available on the v2 API.");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        params.forEach((key, values) -> {
            if (!PAGING.contains(key) && !KNOWN.contains(key)) {
                properties.put(key, values[0]);
            }
        });
        String visibility = one(params, "visibility");
        if (visibility != null && !visibility.equals(ImageQuery.ALL) && Visibility.fromWire(visibility) == null) {
            throw ApiException.badRequest("Invalid visibility value: " + visibility);
        }
        return new ImageQuery(viewer.project(), viewer.admin(), visibility, memberStatus(one(params, "member_status")),
                inList(params, "name"), inList(params, "id"), statuses(inList(params, "status")),
                inList(params, "disk_format"), inList(params, "container_format"), one(params, "owner"),
                all(params, "tag"), bool(params, "os_hidden", false), optionalBool(params, "protected"),
                size(params, "size_min"), size(params, "size_max"), one(params, "checksum"),
                one(params, "os_hash_value"), times(params, "created_at"), times(params, "updated_at"), properties,
                sort(params));
    }

    static int limit(Map<String, String[]> params) {
        String limit = one(params, "limit");
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value < 0) {
                throw ApiException.badRequest("limit param must be positive");
            }
            return Math.min(value, MAX_LIMIT);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit param must be an integer");
        }
    }

    static String one(Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static List<String> all(Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        return values == null ? List.of() : List.of(values);
    }

    /** {@code x}, or {@code in:a,"b,c"} (quotes protect commas). */
    private static List<String> inList(Map<String, String[]> params, String name) {
        String value = one(params, name);
        if (value == null) {
            return null;
        }
        if (!value.startsWith("in:")) {
            if (value.matches("^(eq|neq|gt|gte|lt|lte):.*")) {
                throw ApiException.badRequest("Unable to filter on " + name + " with operator " + value.split(":")[0]);
            }
            return List.of(value);
        }
        List<String> items = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : value.substring(3).toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                items.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw ApiException.badRequest("Invalid filter value " + value + ". The quote is not closed.");
        }
        items.add(current.toString());
        return items;
    }

    private static List<ImageStatus> statuses(List<String> values) {
        if (values == null) {
            return null;
        }
        List<ImageStatus> statuses = new ArrayList<>();
        for (String value : values) {
            ImageStatus status = ImageStatus.fromWire(value.toLowerCase(Locale.ROOT));
            if (status != null) {
                statuses.add(status);
            } else if (!Set.of("deleted", "pending_delete", "uploading", "importing").contains(value)) {
                throw ApiException.badRequest("Invalid status value: " + value);
            }
        }
        return statuses;
    }

    private static MemberStatus memberStatus(String value) {
        if (value == null) {
            return MemberStatus.ACCEPTED;
        }
        if (value.equals("all")) {
            return null;
        }
        MemberStatus status = MemberStatus.fromWire(value);
        if (status == null) {
            throw ApiException.badRequest("Invalid status: " + value);
        }
        return status;
    }

    private static boolean bool(Map<String, String[]> params, String name, boolean fallback) {
        Boolean value = optionalBool(params, name);
        return value == null ? fallback : value;
    }

    private static Boolean optionalBool(Map<String, String[]> params, String name) {
        String value = one(params, name);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest("Invalid value '" + value + "' for parameter " + name
                    + ": expected true or false.");
        };
    }

    private static Long size(Map<String, String[]> params, String name) {
        String value = one(params, name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be an integer, got '" + value + "'.");
        }
    }

    private static List<ImageQuery.TimeFilter> times(Map<String, String[]> params, String name) {
        List<ImageQuery.TimeFilter> filters = new ArrayList<>();
        for (String value : all(params, name)) {
            int colon = value.indexOf(':');
            String operator = colon > 0 ? value.substring(0, colon) : "";
            if (!Set.of("gt", "gte", "lt", "lte", "eq", "neq").contains(operator)) {
                throw ApiException.badRequest("Invalid operator for " + name + ": use gt, gte, lt, lte, eq or neq.");
            }
            try {
                filters.add(new ImageQuery.TimeFilter(operator, Instant.parse(value.substring(colon + 1))));
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("Invalid timestamp for " + name + ": " + value.substring(colon + 1));
            }
        }
        return filters;
    }

    private static List<SortKey> sort(Map<String, String[]> params) {
        String sort = one(params, "sort");
        List<String> keys = all(params, "sort_key");
        List<String> dirs = all(params, "sort_dir");
        if (sort != null && (!keys.isEmpty() || !dirs.isEmpty())) {
            throw ApiException.badRequest("Old and new sorting syntax cannot be combined");
        }
        List<SortKey> order = new ArrayList<>();
        if (sort != null) {
            for (String part : sort.split(",")) {
                String[] keyAndDir = part.trim().split(":", 2);
                order.add(new SortKey(sortKey(keyAndDir[0]), ascending(keyAndDir.length > 1 ? keyAndDir[1] : "desc")));
            }
        } else if (!keys.isEmpty()) {
            if (dirs.size() > 1 && dirs.size() != keys.size()) {
                throw ApiException.badRequest("Number of sort dirs does not match the number of sort keys");
            }
            for (int i = 0; i < keys.size(); i++) {
                String dir = dirs.isEmpty() ? "desc" : dirs.get(dirs.size() == 1 ? 0 : i);
                order.add(new SortKey(sortKey(keys.get(i)), ascending(dir)));
            }
        }
        if (order.isEmpty()) {
            return SortKey.DEFAULT;
        }
        if (order.stream().noneMatch(k -> k.attribute().equals("created_at"))) {
            order.add(new SortKey("created_at", order.get(order.size() - 1).ascending()));
        }
        return order;
    }

    private static String sortKey(String key) {
        if (!SortKey.ALLOWED.contains(key)) {
            throw ApiException.badRequest("Invalid sort key: " + key + ". It should be one of: "
                    + String.join(", ", SortKey.ALLOWED) + ".");
        }
        return key;
    }

    private static boolean ascending(String dir) {
        return switch (dir) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw ApiException.badRequest("Invalid sort direction: " + dir);
        };
    }
}
