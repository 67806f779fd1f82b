package io.kumo.network.application;

import io.kumo.network.domain.RuleSpec;
import io.kumo.network.persistence.SecurityGroup;
import io.kumo.network.persistence.SecurityGroupRepository;
import io.kumo.network.persistence.SecurityGroupRule;
import io.kumo.network.persistence.SecurityGroupRuleRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each project's {@code default} security group, made on first use as Neutron does, with its four
 * rules: traffic from members of the group in (IPv4 and IPv6), everything out. Two first uses at once
 * (200 ports created in parallel by a new project) race on the unique default marker; the loser reads
 * the winner's group instead of failing its request.
 */
@Component
class DefaultSecurityGroups {

    private final SecurityGroupRepository groups;
    private final SecurityGroupRuleRepository rules;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    DefaultSecurityGroups(SecurityGroupRepository groups, SecurityGroupRuleRepository rules,
            PlatformTransactionManager transactions, Clock clock) {
        this.groups = groups;
        this.rules = rules;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The id of the project's default group, created if it does not exist yet. */
    String ensure(String projectId) {
        return groups.findDefault(projectId).map(SecurityGroup::id).orElseGet(() -> create(projectId));
    }

    private String create(String projectId) {
        try {
            return ownTransaction.execute(status -> {
                Instant now = clock.instant();
                SecurityGroup group = groups.saveAndFlush(new SecurityGroup(UUID.randomUUID().toString(), projectId,
                        "default", "Default security group", true, now));
                for (String ethertype : new String[] {"IPv4", "IPv6"}) {
                    rules.save(new SecurityGroupRule(UUID.randomUUID().toString(), group.id(), projectId,
                            new RuleSpec("ingress", ethertype, null, null, null, null, group.id()), "", now));
                    rules.save(new SecurityGroupRule(UUID.randomUUID().toString(), group.id(), projectId,
                            new RuleSpec("egress", ethertype, null, null, null, null, null), "", now));
                }
                return group.id();
            });
        } catch (DataIntegrityViolationException lostTheRace) {
            return ownTransaction.execute(status -> groups.findDefault(projectId).orElseThrow().id());
        }
    }
}
