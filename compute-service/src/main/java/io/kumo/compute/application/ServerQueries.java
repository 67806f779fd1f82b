package io.kumo.compute.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.error.ApiException;
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
        return visible(caller, id);
    }

    /**
     * The server the caller may change, read in the caller's transaction: another project's is a 404 in
     * Nova's words, a reader's a 403 naming {@code policy}.
     */
    public Server writable(Caller caller, String id, String policy) {
        Server s = visible(caller, id);
        Policy.requireWritable(caller, s.projectId(), "server", id, policy);
        return s;
    }

    private Server visible(Caller caller, String id) {
        return servers.find(id).filter(s -> Policy.canRead(caller, s.projectId())).orElseThrow(() -> notFound(id));
    }

    static ApiException notFound(String id) {
        return ApiException.notFound("Instance " + id + " could not be found.");
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
