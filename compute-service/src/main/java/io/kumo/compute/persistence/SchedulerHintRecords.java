package io.kumo.compute.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** A server's same_host / different_host hints, kept for its reschedules. */
@Repository
public class SchedulerHintRecords {

    private static final String SAME = "same_host";
    private static final String DIFFERENT = "different_host";

    private final NamedParameterJdbcTemplate jdbc;

    public SchedulerHintRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The servers a server's host must share and avoid. */
    public record Hints(List<String> sameHost, List<String> differentHost) {
    }

    public void insert(String serverId, List<String> sameHost, List<String> differentHost) {
        sameHost.stream().distinct().forEach(other -> add(serverId, SAME, other));
        differentHost.stream().distinct().forEach(other -> add(serverId, DIFFERENT, other));
    }

    public Hints of(String serverId) {
        List<String> same = new ArrayList<>();
        List<String> different = new ArrayList<>();
        jdbc.query("SELECT hint, other_server FROM server_scheduler_hints WHERE server_id = :s ORDER BY other_server",
                Map.of("s", serverId), rs -> {
                    (SAME.equals(rs.getString(1)) ? same : different).add(rs.getString(2));
                });
        return new Hints(same, different);
    }

    private void add(String serverId, String hint, String other) {
        jdbc.update("INSERT INTO server_scheduler_hints (server_id, hint, other_server) VALUES (:s, :h, :o)",
                new MapSqlParameterSource("s", serverId).addValue("h", hint).addValue("o", other));
    }
}
