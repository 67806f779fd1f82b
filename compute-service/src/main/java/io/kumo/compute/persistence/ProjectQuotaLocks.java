package io.kumo.compute.persistence;

import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The per-project row that serializes quota claims (see V4__project_quota_locks.sql). */
@Repository
public class ProjectQuotaLocks {

    private final NamedParameterJdbcTemplate jdbc;

    public ProjectQuotaLocks(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes sure the project's row exists. Call it outside the claiming transaction: two transactions
     * that both insert the missing row and then lock it would deadlock on each other's gap locks.
     */
    public void ensure(String projectId) {
        jdbc.update("INSERT IGNORE INTO project_quota_locks (project_id) VALUES (:p)", Map.of("p", projectId));
    }

    /** Locks the project's row until the current transaction ends. */
    public void lock(String projectId) {
        jdbc.queryForList("SELECT project_id FROM project_quota_locks WHERE project_id = :p FOR UPDATE",
                Map.of("p", projectId), String.class);
    }
}
