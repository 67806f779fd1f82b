package io.kumo.network.application;

import io.kumo.network.domain.NeutronException;
import io.kumo.network.domain.RuleSpec;
import io.kumo.network.persistence.Pager;
import io.kumo.network.persistence.PortSecurityGroupRepository;
import io.kumo.network.persistence.SecurityGroup;
import io.kumo.network.persistence.SecurityGroupRepository;
import io.kumo.network.persistence.SecurityGroupRule;
import io.kumo.network.persistence.SecurityGroupRuleRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Security groups and their rules; another project's group is a 404. */
@Service
public class SecurityGroupService {

    private final SecurityGroupRepository groups;
    private final SecurityGroupRuleRepository rules;
    private final PortSecurityGroupRepository portGroups;
    private final DefaultSecurityGroups defaults;
    private final NetworkQuotas quotas;
    private final NetworkEvents events;
    private final Pager pager;
    private final Clock clock;

    SecurityGroupService(SecurityGroupRepository groups, SecurityGroupRuleRepository rules,
            PortSecurityGroupRepository portGroups, DefaultSecurityGroups defaults, NetworkQuotas quotas,
            NetworkEvents events, Pager pager, Clock clock) {
        this.groups = groups;
        this.pager = pager;
        this.rules = rules;
        this.portGroups = portGroups;
        this.defaults = defaults;
        this.quotas = quotas;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Makes the caller's default group if it does not exist yet. Call it before a transaction that needs
     * it: it takes a connection of its own, and a request must not hold one while waiting for another.
     */
    public void ensureDefault(Viewer viewer) {
        if (viewer.project() != null) {
            defaults.ensure(viewer.project());
        }
    }

    @Transactional
    public SecurityGroupView create(Viewer viewer, String name, String description) {
        requireMember(viewer, "create_security_group");
        if ("default".equals(name)) {
            throw NeutronException.conflict("SecurityGroupDefaultAlreadyExists", "Default security group already exists.");
        }
        quotas.checkOneMore(viewer.project(), "security_group");
        Instant now = clock.instant();
        SecurityGroup group = groups.saveAndFlush(new SecurityGroup(UUID.randomUUID().toString(), viewer.project(),
                name, description, false, now));
        for (String ethertype : new String[] {"IPv4", "IPv6"}) {
            rules.save(new SecurityGroupRule(UUID.randomUUID().toString(), group.id(), group.projectId(),
                    new RuleSpec("egress", ethertype, null, null, null, null, null), "", now));
        }
        return view(group);
    }

    /** The caller's groups, or everyone's for admins: one page of them, each with its rules. */
    @Transactional(readOnly = true)
    public ListPage.Result<SecurityGroupView> list(Viewer viewer, Specification<SecurityGroup> filter, ListPage page) {
        Specification<SecurityGroup> visible = viewer.admin() ? filter
                : filter.and((root, q, cb) -> cb.equal(root.get("projectId"), viewer.project()));
        ListPage.Result<SecurityGroup> found = page.of(pager.find(groups, SecurityGroup.class, visible, page.keys(),
                page.marker(), page.fetchSize()));
        Map<String, List<SecurityGroupRule>> byGroup = rules.findBySecurityGroupIdInOrderByCreatedAt(
                found.items().stream().map(SecurityGroup::id).toList()).stream()
                .collect(Collectors.groupingBy(SecurityGroupRule::securityGroupId));
        return new ListPage.Result<>(found.items().stream()
                .map(g -> new SecurityGroupView(g, byGroup.getOrDefault(g.id(), List.of()))).toList(), found.more());
    }

    @Transactional(readOnly = true)
    public SecurityGroupView get(Viewer viewer, String id) {
        return view(visible(viewer, id));
    }

    @Transactional
    public SecurityGroupView update(Viewer viewer, String id, String name, String description) {
        SecurityGroup group = visible(viewer, id);
        requireWritable(viewer, group);
        if (group.isDefault() && name != null && !name.equals("default")) {
            throw NeutronException.conflict("SecurityGroupCannotUpdateDefault", "Updating default security group not allowed.");
        }
        group.rename(name != null ? name : group.name(), description != null ? description : group.description(),
                clock.instant());
        return view(group);
    }

    @Transactional
    public void delete(Viewer viewer, String id) {
        SecurityGroup group = visible(viewer, id);
        requireWritable(viewer, group);
        if (group.isDefault() && !viewer.admin()) {
            throw NeutronException.conflict("SecurityGroupCannotRemoveDefault", "Removing default security group not allowed.");
        }
        if (portGroups.countByGroup(id) > 0) {
            throw NeutronException.conflict("SecurityGroupInUse", "Security Group " + id + " in use.");
        }
        groups.delete(group);
    }

    @Transactional
    public SecurityGroupRule addRule(Viewer viewer, String groupId, RuleSpec spec, String description) {
        SecurityGroup group = visible(viewer, groupId);
        requireWritable(viewer, group);
        if (spec.remoteGroupId() != null) {
            visible(viewer, spec.remoteGroupId());
        }
        rules.findBySecurityGroupIdAndFingerprint(groupId, spec.fingerprint()).ifPresent(existing -> {
            throw NeutronException.conflict("SecurityGroupRuleExists",
                    "Security group rule already exists. Rule id is " + existing.id() + ".");
        });
        quotas.checkOneMore(group.projectId(), "security_group_rule");
        Instant now = clock.instant();
        group.rulesChanged(now);
        SecurityGroupRule rule = rules.saveAndFlush(new SecurityGroupRule(UUID.randomUUID().toString(), groupId,
                group.projectId(), spec, description, now));
        events.rulesChanged(group, now);
        return rule;
    }

    @Transactional(readOnly = true)
    public ListPage.Result<SecurityGroupRule> rules(Viewer viewer, Specification<SecurityGroupRule> filter,
            ListPage page) {
        Specification<SecurityGroupRule> visible = viewer.admin() ? filter
                : filter.and((root, q, cb) -> cb.equal(root.get("projectId"), viewer.project()));
        return page.of(pager.find(rules, SecurityGroupRule.class, visible, page.keys(), page.marker(),
                page.fetchSize()));
    }

    @Transactional(readOnly = true)
    public SecurityGroupRule rule(Viewer viewer, String id) {
        return visibleRule(viewer, id);
    }

    @Transactional
    public void deleteRule(Viewer viewer, String id) {
        SecurityGroupRule rule = visibleRule(viewer, id);
        SecurityGroup group = visible(viewer, rule.securityGroupId());
        requireWritable(viewer, group);
        Instant now = clock.instant();
        group.rulesChanged(now);
        rules.delete(rule);
        events.rulesChanged(group, now);
    }

    /** The groups a port asks for, all visible to the caller; 404 for one that is not. */
    List<String> requireUsable(Viewer viewer, List<String> ids) {
        for (String id : ids) {
            visible(viewer, id);
        }
        return ids;
    }

    private SecurityGroupView view(SecurityGroup group) {
        return new SecurityGroupView(group, rules.findBySecurityGroupIdInOrderByCreatedAt(List.of(group.id())));
    }

    /** The group if the viewer may see it, else 404 (call inside a transaction to change it). */
    public SecurityGroup visible(Viewer viewer, String id) {
        SecurityGroup group = groups.findById(id).orElseThrow(() -> notFound(id));
        if (!viewer.owns(group.projectId())) {
            throw notFound(id);
        }
        return group;
    }

    private SecurityGroupRule visibleRule(Viewer viewer, String id) {
        SecurityGroupRule rule = rules.findById(id).orElseThrow(() -> ruleNotFound(id));
        if (!viewer.owns(rule.projectId())) {
            throw ruleNotFound(id);
        }
        return rule;
    }

    private static void requireMember(Viewer viewer, String action) {
        if (viewer.project() == null || (!viewer.member() && !viewer.admin())) {
            throw new NeutronException(403, "PolicyNotAuthorized", "rule:" + action + " is disallowed by policy");
        }
    }

    private static void requireWritable(Viewer viewer, SecurityGroup group) {
        if (!viewer.mayWrite(group.projectId())) {
            throw new NeutronException(403, "PolicyNotAuthorized", "rule:update_security_group is disallowed by policy");
        }
    }

    private static NeutronException notFound(String id) {
        return NeutronException.notFound("SecurityGroupNotFound", "Security group " + id + " does not exist");
    }

    private static NeutronException ruleNotFound(String id) {
        return NeutronException.notFound("SecurityGroupRuleNotFound", "Security group rule " + id + " does not exist");
    }
}
