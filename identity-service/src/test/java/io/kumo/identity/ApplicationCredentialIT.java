package io.kumo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The credential Jenkins uses: created by a member, usable alone, bounded, and revocable. */
class ApplicationCredentialIT extends IdentityIT {

    @Test
    void aMemberCreatesACredentialThatAuthenticatesToItsProjectOnly() {
        String demo = api.token("demo", DEMO_PASSWORD, "demo");
        String userId = api.send("GET", "/v3/auth/tokens", demo, null, demo).str("/token/user/id");
        String name = unique("jenkins");
        KeystoneClient.Response created = api.post("/v3/users/" + userId + "/application_credentials", demo,
                "{\"application_credential\":{\"name\":\"" + name + "\",\"secret\":null,\"description\":null,"
                        + "\"expires_at\":null,\"roles\":[],\"unrestricted\":false,\"access_rules\":[]}}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.str("/application_credential/id");
        String secret = created.str("/application_credential/secret");
        assertThat(secret).hasSizeGreaterThan(40);
        assertThat(api.get("/v3/users/" + userId + "/application_credentials/" + id, demo).body()
                .at("/application_credential").has("secret")).as("the secret is shown once").isFalse();

        KeystoneClient.Response token = api.post("/v3/auth/tokens", null, appCredAuth(id, secret));
        assertThat(token.status()).isEqualTo(201);
        assertThat(token.str("/token/methods/0")).isEqualTo("application_credential");
        assertThat(token.str("/token/project/name")).isEqualTo("demo");
        assertThat(token.str("/token/application_credential/id")).isEqualTo(id);
        assertThat(token.at("/token/application_credential/restricted").asBoolean()).isTrue();
        String appToken = token.header("X-Subject-Token");

        KeystoneClient.Response byName = api.post("/v3/auth/tokens", null,
                "{\"auth\":{\"identity\":{\"methods\":[\"application_credential\"],\"application_credential\":{"
                        + "\"name\":\"" + name + "\",\"secret\":\"" + secret + "\",\"user\":{\"name\":\"demo\","
                        + "\"domain\":{\"name\":\"Default\"}}}}}}");
        assertThat(byName.status()).isEqualTo(201);

        assertThat(api.post("/v3/auth/tokens", null, appCredAuth(id, secret + "x")).status()).isEqualTo(401);
        assertThat(api.post("/v3/auth/tokens", null,
                "{\"auth\":{\"identity\":{\"methods\":[\"token\"],\"token\":{\"id\":\"" + appToken + "\"}},"
                        + "\"scope\":{\"project\":{\"name\":\"admin\",\"domain\":{\"name\":\"Default\"}}}}}").status())
                .as("cannot be re-scoped").isEqualTo(403);
        assertThat(api.post("/v3/users/" + userId + "/application_credentials", appToken,
                "{\"application_credential\":{\"name\":\"" + unique("again") + "\"}}").status())
                .as("a restricted credential cannot mint credentials").isEqualTo(403);

        assertThat(api.delete("/v3/users/" + userId + "/application_credentials/" + id, demo).status()).isEqualTo(204);
        assertThat(api.get("/v3/auth/projects", appToken).status()).as("deleting revokes its tokens").isEqualTo(401);
        assertThat(api.post("/v3/auth/tokens", null, appCredAuth(id, secret)).status()).isEqualTo(401);
    }

    @Test
    void delegatesOnlyTheRolesAskedFor() {
        String demo = api.token("demo", DEMO_PASSWORD, "demo");
        String userId = api.send("GET", "/v3/auth/tokens", demo, null, demo).str("/token/user/id");
        KeystoneClient.Response created = api.post("/v3/users/" + userId + "/application_credentials", demo,
                "{\"application_credential\":{\"name\":\"" + unique("ro") + "\",\"roles\":[{\"name\":\"reader\"}]}}");
        assertThat(created.status()).isEqualTo(201);
        KeystoneClient.Response token = api.post("/v3/auth/tokens", null,
                appCredAuth(created.str("/application_credential/id"), created.str("/application_credential/secret")));
        assertThat(token.at("/token/roles")).hasSize(1);
        assertThat(token.str("/token/roles/0/name")).isEqualTo("reader");

        assertThat(api.post("/v3/users/" + userId + "/application_credentials", demo,
                "{\"application_credential\":{\"name\":\"" + unique("esc") + "\",\"roles\":[{\"name\":\"admin\"}]}}")
                .status()).as("cannot delegate a role one does not hold").isEqualTo(403);
        assertThat(api.post("/v3/users/" + userId + "/application_credentials", demo,
                "{\"application_credential\":{\"name\":\"" + unique("old") + "\",\"expires_at\":\"2001-01-01T00:00:00Z\"}}")
                .status()).isEqualTo(400);
    }

    @Test
    void usersCannotSeeOrMakeOthersCredentials() {
        String demo = api.token("demo", DEMO_PASSWORD, "demo");
        String adminId = api.send("GET", "/v3/auth/tokens", adminToken(), null, adminToken()).str("/token/user/id");
        assertThat(api.get("/v3/users/" + adminId + "/application_credentials", demo).status()).isEqualTo(404);
        assertThat(api.post("/v3/users/" + adminId + "/application_credentials", demo,
                "{\"application_credential\":{\"name\":\"steal\"}}").status()).isEqualTo(403);
    }

    private static String appCredAuth(String id, String secret) {
        return "{\"auth\":{\"identity\":{\"methods\":[\"application_credential\"],\"application_credential\":{\"id\":\""
                + id + "\",\"secret\":\"" + secret + "\"}}}}";
    }
}
