package io.kumo.identity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kumo.common.error.ApiException;
import io.kumo.identity.domain.Credentials;
import io.kumo.identity.domain.ScopeRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AuthRequestParserTest {

    private final JsonMapper json = new JsonMapper();

    @Test
    void readsTheCliPasswordBody() {
        var request = parse("{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"admin\","
                + "\"domain\":{\"name\":\"Default\"},\"password\":\"secret\"}}},\"scope\":{\"project\":{\"name\":\"admin\","
                + "\"domain\":{\"name\":\"Default\"}}}}}");
        Credentials.Password password = (Credentials.Password) request.credentials();
        assertThat(password.user().name()).isEqualTo("admin");
        assertThat(password.user().domain().name()).isEqualTo("Default");
        assertThat(request.scope()).isEqualTo(new ScopeRequest.Project(null, "admin",
                new io.kumo.identity.domain.DomainRef(null, "Default")));
        assertThat(password.toString()).doesNotContain("secret");
    }

    @Test
    void readsEveryScopeShape() {
        String identity = "{\"methods\":[\"token\"],\"token\":{\"id\":\"t\"}}";
        assertThat(parse("{\"auth\":{\"identity\":" + identity + "}}").scope()).isInstanceOf(ScopeRequest.Default.class);
        assertThat(parse("{\"auth\":{\"identity\":" + identity + ",\"scope\":\"unscoped\"}}").scope())
                .isInstanceOf(ScopeRequest.Unscoped.class);
        assertThat(parse("{\"auth\":{\"identity\":" + identity + ",\"scope\":{\"system\":{\"all\":true}}}}").scope())
                .isInstanceOf(ScopeRequest.System.class);
        assertThat(parse("{\"auth\":{\"identity\":" + identity + ",\"scope\":{\"domain\":{\"id\":\"default\"}}}}").scope())
                .isInstanceOf(ScopeRequest.Domain.class);
    }

    @Test
    void saysWhatIsMissing() {
        assertThatThrownBy(() -> parse("{\"auth\":{\"identity\":{\"methods\":[]}}}"))
                .isInstanceOf(ApiException.class).hasMessageContaining("non-empty list");
        assertThatThrownBy(() -> parse("{\"auth\":{\"identity\":{\"methods\":[\"application_credential\"],"
                + "\"application_credential\":{\"id\":\"x\"}}}}")).hasMessageContaining("Expecting to find secret");
        assertThatThrownBy(() -> parse("{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":"
                + "{\"name\":7,\"domain\":{\"id\":\"d\"},\"password\":\"p\"}}}}}")).hasMessageContaining("Expected a string");
    }

    private AuthRequestParser.AuthRequest parse(String body) {
        return AuthRequestParser.parse(json.readTree(body));
    }
}
