package io.kumo.common.contract.network;

import io.kumo.common.contract.MessageType;
import java.time.Instant;

/**
 * A security group's rules changed: agents re-render the filters of the ports in it. Published on
 * {@code kumo.network.events} with routing key {@code security_group.rules_changed}.
 */
@MessageType(name = "SecurityGroupRulesChanged", version = 1)
public record SecurityGroupRulesChanged(String securityGroupId, String projectId, long revision, Instant at) {

    public static final String ROUTING_KEY = "security_group.rules_changed";
}
