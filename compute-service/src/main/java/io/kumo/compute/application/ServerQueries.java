package io.kumo.compute.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.compute.domain.Server;
import io.kumo.compute.persistence.ServerRecords;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading servers: a project's own, or every project's for admins ({@code all_tenants}). */
@Service
public class ServerQueries {

    private final ServerRecords servers;

    ServerQueries(ServerRecords servers) {
        this.servers = servers;
    }

    /** List filters Nova 2.1 offers everyone; {@code name} is a regular expression, as in Nova. */
    public record Filter(String name, String status, String image, String flavor, boolean allTenants,
            Instant changesSince) {
    }

    @Transactional(readOnly = true)
    public Server get(Caller caller, String id) {
        Server s = servers.find(id).orElseThrow(() -> ServerActions.notFound(id));
        if (!Policy.canRead(caller, s.projectId())) {
            throw ServerActions.notFound(id);
        }
        return s;
    }

    @Transactional(readOnly = true)
    public List<Server> list(Caller caller, Filter filter) {
        boolean all = filter.allTenants() && Policy.isAdmin(caller);
        Pattern name = null;
        if (filter.name() != null) {
            try {
                name = Pattern.compile(filter.name());
            } catch (PatternSyntaxException e) {
                name = Pattern.compile(Pattern.quote(filter.name()));
            }
        }
        Pattern byName = name;
        String project = all ? null : caller.projectId();
        List<Server> candidates = filter.changesSince() == null ? servers.list(project)
                : servers.changedSince(project, filter.changesSince());
        return candidates.stream()
                .filter(s -> byName == null || byName.matcher(s.name()).find())
                .filter(s -> filter.status() == null || s.status().equalsIgnoreCase(filter.status()))
                .filter(s -> filter.image() == null || s.imageId().equals(filter.image()))
                .filter(s -> filter.flavor() == null || s.flavor().id().equals(filter.flavor()))
                .toList();
    }
}
