package io.kumo.scheduler.persistence;

import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A row lock per server group, held until the claiming transaction ends: claims for members of one
 * hard (anti-)affinity group run one at a time across all schedulers, so the policy check before
 * each claim sees every earlier member's host.
 */
@Repository
public class GroupLocks {

    private final NamedParameterJdbcTemplate jdbc;

    public GroupLocks(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void lock(String groupUuid) {
        Map<String, String> params = Map.of("group", groupUuid);
        if (jdbc.queryForList("SELECT group_uuid FROM server_group_claims WHERE group_uuid = :group FOR UPDATE", params,
                String.class).isEmpty()) {
            try {
                jdbc.update("INSERT INTO server_group_claims (group_uuid) VALUES (:group)", params);
            } catch (DuplicateKeyException e) {
                // another scheduler created it first; its lock is taken below
            }
            jdbc.queryForList("SELECT group_uuid FROM server_group_claims WHERE group_uuid = :group FOR UPDATE", params,
                    String.class);
        }
    }
}
