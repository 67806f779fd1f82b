package io.kumo.image.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A list request: who asks (their project, whether they are admin), the filters of
 * {@code GET /v2/images} and the order. Null filters do not filter; list filters match any element
 * (Glance's {@code in:}).
 *
 * @param memberStatus status of the caller's memberships that lists a shared image; null = any
 * @param osHidden     hidden images are listed only when this is true, and then only they
 */
public record ImageQuery(String viewerProject, boolean admin, String visibility, MemberStatus memberStatus,
        List<String> names, List<String> ids, List<ImageStatus> statuses, List<String> diskFormats,
        List<String> containerFormats, String owner, List<String> tags, boolean osHidden, Boolean protectedOnly,
        Long sizeMin, Long sizeMax, String checksum, String osHashValue, List<TimeFilter> createdAt,
        List<TimeFilter> updatedAt, Map<String, String> properties, List<SortKey> sort) {

    /** Glance's {@code visibility=all}: owned, public, shared with the caller, and community images. */
    public static final String ALL = "all";

    /** {@code created_at=gte:2026-01-01T00:00:00Z}: an operator (gt, gte, lt, lte, eq, neq) and a time. */
    public record TimeFilter(String operator, Instant time) {
    }
}
