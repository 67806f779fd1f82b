package io.kumo.image;

import io.kumo.common.test.ApiClient;
import static io.kumo.image.ImagesIT.assertError;
import static io.kumo.image.ImagesIT.ids;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Sharing an image with another project, as `image add project` and `image set --accept` do. */
class MembersIT extends ImageIT {

    @Test
    void theOwnerSharesAndOnlyTheMemberAcceptsOrRejects() {
        String owner = demoToken();
        String friend = newProjectMember(unique("friend"));
        String friendProject = projectId(friend);
        String id = createImage(owner, "{\"name\": \"shared-one\"}").get("id").asString();

        ApiClient.Response added = glance.post("/v2/images/" + id + "/members", owner,
                "{\"member\": \"" + friendProject + "\"}");
        assertThat(added.status()).isEqualTo(200);
        JsonNode member = added.json();
        assertThat(member.get("status").asString()).isEqualTo("pending");
        assertThat(member.get("member_id").asString()).isEqualTo(friendProject);
        assertThat(member.get("schema").asString()).isEqualTo("/v2/schemas/member");
        assertError(glance.post("/v2/images/" + id + "/members", owner, "{\"member\": \"" + friendProject + "\"}"), 409);

        // pending: visible by id, not listed
        assertThat(glance.get("/v2/images/" + id, friend).status()).isEqualTo(200);
        assertThat(ids(glance.get("/v2/images", friend))).doesNotContain(id);
        assertThat(ids(glance.get("/v2/images?visibility=shared&member_status=pending", friend))).containsExactly(id);

        String accept = "{\"member\": \"" + friendProject + "\", \"status\": \"accepted\"}";
        assertError(glance.put("/v2/images/" + id + "/members/" + friendProject, owner, accept), 403);
        assertThat(glance.put("/v2/images/" + id + "/members/" + friendProject, friend, accept).json()
                .get("status").asString()).isEqualTo("accepted");
        assertThat(ids(glance.get("/v2/images", friend))).contains(id);
        assertError(glance.put("/v2/images/" + id + "/members/" + friendProject, friend, "{\"status\": \"maybe\"}"), 400);

        assertThat(glance.get("/v2/images/" + id + "/members", friend).json().get("members")).hasSize(1);
        assertError(glance.delete("/v2/images/" + id + "/members/" + friendProject, friend), 403);
        assertThat(glance.delete("/v2/images/" + id + "/members/" + friendProject, owner).status()).isEqualTo(204);
        assertError(glance.get("/v2/images/" + id, friend), 404);
    }

    @Test
    void onlySharedImagesHaveMembers() {
        String owner = demoToken();
        String id = createImage(owner, "{\"name\": \"private-one\", \"visibility\": \"private\"}").get("id").asString();
        assertError(glance.post("/v2/images/" + id + "/members", owner, "{\"member\": \"someone\"}"), 403);
        assertError(glance.get("/v2/images/" + id + "/members", owner), 403);
        assertError(glance.post("/v2/images/" + id + "/members", owner, "{}"), 400);
    }
}
