package io.kumo.identity.persistence;

import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/** Audit ledger filters as a JPA specification; every filter is optional. */
public final class AuditEventQueries {

    private AuditEventQueries() {
    }

    public static Specification<AuditEvent> matching(String service, String actorUserId, String actorProjectId,
            String action, String outcome, String targetId, String requestId, Instant since, Instant until,
            Long beforeSeq) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            equal(where, cb, root.get("service"), service);
            equal(where, cb, root.get("actorUserId"), actorUserId);
            equal(where, cb, root.get("actorProjectId"), actorProjectId);
            equal(where, cb, root.get("outcome"), outcome);
            equal(where, cb, root.get("targetId"), targetId);
            equal(where, cb, root.get("requestId"), requestId);
            if (action != null) {
                where.add(cb.like(root.get("action"), "%" + action + "%"));
            }
            if (since != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), since));
            }
            if (until != null) {
                where.add(cb.lessThan(root.get("occurredAt"), until));
            }
            if (beforeSeq != null) {
                where.add(cb.lessThan(root.get("seq"), beforeSeq));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static void equal(List<Predicate> where, jakarta.persistence.criteria.CriteriaBuilder cb,
            jakarta.persistence.criteria.Path<Object> path, String value) {
        if (value != null) {
            where.add(cb.equal(path, value));
        }
    }
}
