package io.kumo.common.persistence;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The per-project row that serializes quota claims: every create that consumes quota locks its project's
 * row while it re-checks the quota and stores what it made, so concurrent creates of one project take
 * turns and a burst cannot overrun the quota. The service's schema has the table
 * {@code project_quota_locks (project_id VARCHAR(64) PRIMARY KEY)}.
 */
public class ProjectQuotaLocks {

    private final NamedParameterJdbcTemplate jdbc;
    /** Projects whose row this process made sure of (rows are never deleted). */
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();

    public ProjectQuotaLocks(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes sure the project's row exists. Call it outside the claiming transaction: two transactions
     * that both insert the missing row and then lock it would deadlock on each other's gap locks.
     */
    public void ensure(String projectId) {
        if (ensured.contains(projectId)) {
            return;
        }
        jdbc.update("INSERT IGNORE INTO project_quota_locks (project_id) VALUES (:p)", Map.of("p", projectId));
        // remembered once the row is committed: a refused create rolls its insert back
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    ensured.add(projectId);
                }
            });
        } else {
            ensured.add(projectId);
        }
    }

    /** Locks the project's row until the current transaction ends. */
    public void lock(String projectId) {
        jdbc.queryForList("SELECT project_id FROM project_quota_locks WHERE project_id = :p FOR UPDATE",
                Map.of("p", projectId), String.class);
    }
}
