package io.kumo.network.application;

import io.kumo.network.domain.NeutronException;
import io.kumo.network.domain.Tags;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tags of networks, subnets and ports ({@code /v2.0/<collection>/<id>/tags}), for whoever may change the resource. */
@Service
public class TagService {

    private final NetworkService networks;
    private final SubnetService subnets;
    private final PortService ports;
    private final SecurityGroupService securityGroups;
    private final Clock clock;

    TagService(NetworkService networks, SubnetService subnets, PortService ports,
            SecurityGroupService securityGroups, Clock clock) {
        this.networks = networks;
        this.subnets = subnets;
        this.ports = ports;
        this.securityGroups = securityGroups;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<String> tags(Viewer viewer, String collection, String id) {
        return resource(viewer, collection, id, false).tags();
    }

    @Transactional
    public List<String> replace(Viewer viewer, String collection, String id, List<String> tags) {
        Tagged resource = resource(viewer, collection, id, true);
        resource.retag().accept(tags);
        return Tags.decode(Tags.encode(tags));
    }

    @Transactional
    public void add(Viewer viewer, String collection, String id, String tag) {
        Tagged resource = resource(viewer, collection, id, true);
        List<String> tags = new ArrayList<>(resource.tags());
        if (!tags.contains(Tags.validTag(tag))) {
            tags.add(tag);
            resource.retag().accept(tags);
        }
    }

    @Transactional
    public void remove(Viewer viewer, String collection, String id, String tag) {
        Tagged resource = resource(viewer, collection, id, true);
        List<String> tags = new ArrayList<>(resource.tags());
        if (tag == null) {
            tags.clear();
        } else if (!tags.remove(tag)) {
            throw NeutronException.notFound("TagNotFound", "Tag " + tag + " could not be found.");
        }
        resource.retag().accept(tags);
    }

    private Tagged resource(Viewer viewer, String collection, String id, boolean write) {
        switch (collection) {
            case "networks" -> {
                var network = networks.visible(viewer, id);
                requireWrite(viewer, network.projectId(), write);
                return new Tagged(network.tags(), tags -> network.retag(tags, clock.instant()));
            }
            case "subnets" -> {
                var subnet = subnets.visible(viewer, id);
                requireWrite(viewer, subnet.projectId(), write);
                return new Tagged(subnet.tags(), tags -> subnet.retag(tags, clock.instant()));
            }
            case "ports" -> {
                var port = ports.visible(viewer, id);
                requireWrite(viewer, port.projectId(), write);
                return new Tagged(port.tags(), tags -> port.retag(tags, clock.instant()));
            }
            case "security-groups" -> {
                var group = securityGroups.visible(viewer, id);
                requireWrite(viewer, group.projectId(), write);
                return new Tagged(group.tags(), tags -> group.retag(tags, clock.instant()));
            }
            default -> throw NeutronException.notFound("HTTPNotFound", "The resource could not be found.");
        }
    }

    private static void requireWrite(Viewer viewer, String projectId, boolean write) {
        if (write && !viewer.mayWrite(projectId)) {
            throw new NeutronException(403, "PolicyNotAuthorized", "rule:update_tags is disallowed by policy");
        }
    }

    /** A resource's tags and how to replace them. */
    private record Tagged(List<String> tags, Consumer<List<String>> retag) {
    }
}
