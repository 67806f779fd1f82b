package io.kumo.agent.messaging;

import io.kumo.agent.application.PortFilterRefresh;
import io.kumo.common.contract.network.PortChanged;
import io.kumo.common.contract.network.SecurityGroupRulesChanged;
import io.kumo.common.messaging.MessageCodec;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * network-service's changes that move firewalls, from {@code kumo.network.events} (binding
 * {@code networkEvents-in-0}: a queue per agent process, group {@code agent-<host>}, bound to
 * {@code security_group.rules_changed} and {@code port.*}, for real drivers only): a group's rules changed, or
 * a port joined, left or changed — which matters to the ports whose rules name its groups as remote group.
 */
@Configuration(proxyBeanMethods = false)
class NetworkEventsBinding {

    @Bean
    Consumer<Message<byte[]>> networkEvents(PortFilterRefresh refresh, MessageCodec codec) {
        return message -> {
            Object type = message.getHeaders().get(MessageCodec.TYPE_HEADER);
            if ("SecurityGroupRulesChanged".equals(String.valueOf(type))) {
                SecurityGroupRulesChanged changed = codec.fromJson(message.getPayload(), SecurityGroupRulesChanged.class);
                refresh.rulesChanged(changed.securityGroupId());
            } else if ("PortChanged".equals(String.valueOf(type))) {
                PortChanged changed = codec.fromJson(message.getPayload(), PortChanged.class);
                refresh.portChanged(changed.networkId(), changed.securityGroupIds());
            }
        };
    }
}
