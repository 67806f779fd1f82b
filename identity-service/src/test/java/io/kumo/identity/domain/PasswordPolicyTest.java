package io.kumo.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void enforcesLengthNameAndPattern() {
        PasswordPolicy policy = new PasswordPolicy(6, 16, "^(?=.*\\d).*$", "Password must contain a digit");
        assertThat(policy.violations("alice", "s3cret")).isEmpty();
        assertThat(policy.violations("alice", "abc")).containsExactly("Password must be at least 6 characters long");
        assertThat(policy.violations("alice1", "Alice1")).containsExactly("Password must not be the user name");
        assertThat(policy.violations("alice", "secret")).containsExactly("Password must contain a digit");
        assertThat(policy.violations("alice", "x1".repeat(10))).hasSize(1);
    }

    @Test
    void roleImplicationsAreTransitiveAndCycleSafe() {
        RoleGraph graph = new RoleGraph(Map.of("admin", List.of("member"), "member", List.of("reader"),
                "reader", List.of("admin")));
        assertThat(graph.expand(List.of("member"))).containsExactlyInAnyOrder("member", "reader", "admin");
        assertThat(new RoleGraph(Map.of("admin", List.of("member"), "member", List.of("reader")))
                .expand(List.of("member"))).containsExactlyInAnyOrder("member", "reader");
    }

    @Test
    void endpointUrlsNameTheProjectOnlyWhenTheyAskForIt() {
        assertThat(EndpointUrl.needsProject("http://h:8776/v3/$(project_id)s")).isTrue();
        assertThat(EndpointUrl.forProject("http://h:8776/v3/%(tenant_id)s", "p1")).isEqualTo("http://h:8776/v3/p1");
        assertThat(EndpointUrl.needsProject("http://h:8774/v2.1")).isFalse();
    }
}
