package io.kumo.compute.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.error.ApiException;
import io.kumo.compute.domain.ComputeQuota;
import io.kumo.compute.domain.ServerGroup;
import io.kumo.compute.persistence.ServerGroupRecords;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@code os-server-groups}: a project's groups, counted against {@code server_groups}. */
@Service
public class ServerGroups {

    private final ServerGroupRecords records;
    private final ComputeQuotas quotas;
    private final Clock clock;

    ServerGroups(ServerGroupRecords records, ComputeQuotas quotas, Clock clock) {
        this.records = records;
        this.quotas = quotas;
        this.clock = clock;
    }

    @Transactional
    public ServerGroup create(Caller caller, String name, List<String> policies) {
        if (!Policy.canWrite(caller, caller.projectId())) {
            throw ApiException.forbidden("Policy doesn't allow os_compute_api:os-server-groups:create to be"
                    + " performed.");
        }
        if (name == null || name.isBlank() || name.length() > 255) {
            throw ApiException.badRequest("Invalid input for field/attribute name. Value: " + name
                    + ". It must be 1 to 255 characters.");
        }
        if (policies == null || policies.size() != 1 || !ServerGroup.POLICIES.contains(policies.get(0))) {
            throw ApiException.badRequest("Invalid input for field/attribute policies. Value: " + policies
                    + ". Exactly one of ['affinity', 'anti-affinity'] is expected at microversion 2.1.");
        }
        long limit = quotas.limit(caller.projectId(), ComputeQuota.SERVER_GROUPS);
        if (limit != ComputeQuota.UNLIMITED && records.countOfProject(caller.projectId()) >= limit) {
            throw ApiException.forbidden("Quota exceeded, too many server groups.");
        }
        ServerGroup group = new ServerGroup(UUID.randomUUID().toString(), caller.projectId(), caller.userId(), name,
                policies.get(0), List.of());
        records.insert(group, clock.instant());
        return group;
    }

    @Transactional(readOnly = true)
    public List<ServerGroup> list(Caller caller, boolean allProjects) {
        return records.list(allProjects && Policy.isAdmin(caller) ? null : caller.projectId());
    }

    @Transactional(readOnly = true)
    public ServerGroup get(Caller caller, String id) {
        ServerGroup group = records.find(id).orElseThrow(() -> notFound(id));
        if (!Policy.canRead(caller, group.projectId())) {
            throw notFound(id);
        }
        return group;
    }

    @Transactional
    public void delete(Caller caller, String id) {
        ServerGroup group = get(caller, id);
        Policy.requireWritable(caller, group.projectId(), "server group", id,
                "os_compute_api:os-server-groups:delete");
        records.delete(id);
    }

    /** The group a new server is to join: visible to the caller, with room for {@code count} more (403). */
    ServerGroup joinable(Caller caller, String id, int count) {
        ServerGroup group = records.find(id).filter(g -> Policy.canRead(caller, g.projectId()))
                .orElseThrow(() -> ApiException.badRequest("Invalid server group: " + id + " could not be found."));
        long limit = quotas.limit(caller.projectId(), ComputeQuota.SERVER_GROUP_MEMBERS);
        if (limit != ComputeQuota.UNLIMITED && group.members().size() + count > limit) {
            throw ApiException.forbidden("Quota exceeded, too many servers in group");
        }
        return group;
    }

    static ApiException notFound(String id) {
        return ApiException.notFound("Server group " + id + " could not be found.");
    }
}
