package io.kumo.dashboard.cloud;

import static io.kumo.dashboard.cloud.CloudCalls.given;
import static io.kumo.dashboard.cloud.CloudCalls.segment;
import static io.kumo.dashboard.cloud.CloudCalls.text;
import static io.kumo.dashboard.cloud.CloudCalls.typed;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** image-service (Glance v2) as a project member uses it: list, upload, share with a project, delete. */
public class Images {

    private static final String SERVICE = "image";

    private final CloudCalls calls;

    public Images(CloudCalls calls) {
        this.calls = calls;
    }

    /** The images the project sees (its own, shared with it and public), by name. */
    public List<ImageRow> images(CloudSession session) {
        List<ImageRow> rows = new ArrayList<>();
        for (JsonNode i : calls.get(session, SERVICE, "/v2/images?sort_key=name&sort_dir=asc&limit=1000")
                .path("images")) {
            rows.add(new ImageRow(text(i, "id"), text(i, "name"), text(i, "status"), i.path("size").asLong(0),
                    text(i, "disk_format"), text(i, "visibility"), text(i, "hypervisor_type"),
                    session.project().id().equals(text(i, "owner"))));
        }
        return rows;
    }

    /** The image's name; null when it has none or is gone (a server outlives its image). */
    public String nameOf(CloudSession session, String id) {
        try {
            return text(calls.get(session, SERVICE, "/v2/images/" + segment(id)), "name");
        } catch (CloudError gone) {
            if (gone.status() == 404) {
                return null;
            }
            throw gone;
        }
    }

    /**
     * Creates the image record, then uploads its data; a record whose upload Glance refuses (a bad disk format,
     * the storage quota) is deleted again, so no empty image is left behind.
     */
    public String upload(CloudSession session, String name, String diskFormat, String hypervisorType,
            InputStream data, long size) {
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("name", typed(name));
        image.put("disk_format", typed(diskFormat));
        image.put("container_format", "bare");
        if (given(hypervisorType)) {
            image.put("hypervisor_type", hypervisorType);
        }
        String id = text(calls.post(session, SERVICE, "/v2/images", image), "id");
        try {
            calls.upload(session, SERVICE, "/v2/images/" + segment(id) + "/file", data, size);
        } catch (CloudError refused) {
            delete(session, id);
            throw refused;
        }
        return id;
    }

    /** Shares the image with another project (which accepts it on its side). */
    public void share(CloudSession session, String imageId, String projectId) {
        calls.post(session, SERVICE, "/v2/images/" + segment(imageId) + "/members", Map.of("member",
                typed(projectId)));
    }

    public void delete(CloudSession session, String id) {
        calls.delete(session, SERVICE, "/v2/images/" + segment(id));
    }
}
