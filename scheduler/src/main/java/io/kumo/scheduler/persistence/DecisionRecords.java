package io.kumo.scheduler.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Scheduling decisions as JSON documents, one per attempt, kept for a configured time. */
@Repository
public class DecisionRecords {

    private final NamedParameterJdbcTemplate jdbc;

    public DecisionRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String consumerUuid, int attempt, String outcome, String host, String summary, String body,
            Instant at) {
        jdbc.update("INSERT INTO scheduling_decisions (consumer_uuid, attempt, outcome, host, summary, body, created_at)"
                + " VALUES (:consumer, :attempt, :outcome, :host, :summary, :body, :at)",
                new MapSqlParameterSource("consumer", consumerUuid).addValue("attempt", attempt)
                        .addValue("outcome", outcome).addValue("host", host).addValue("summary", summary)
                        .addValue("body", body).addValue("at", Timestamp.from(at)));
    }

    /** The JSON bodies of a consumer's decisions, oldest first. */
    public List<String> bodies(String consumerUuid) {
        return jdbc.queryForList("SELECT body FROM scheduling_decisions WHERE consumer_uuid = :consumer ORDER BY id",
                Map.of("consumer", consumerUuid), String.class);
    }

    public int deleteOlderThan(Instant cutoff, int batch) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM scheduling_decisions WHERE created_at < :cutoff ORDER BY id"
                + " LIMIT " + batch, Map.of("cutoff", Timestamp.from(cutoff)), Long.class);
        return ids.isEmpty() ? 0 : jdbc.update("DELETE FROM scheduling_decisions WHERE id IN (:ids)", Map.of("ids", ids));
    }
}
