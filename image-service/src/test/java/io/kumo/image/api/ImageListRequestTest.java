package io.kumo.image.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kumo.common.error.ApiException;
import io.kumo.image.domain.ImageAccess;
import io.kumo.image.domain.ImageQuery;
import io.kumo.image.domain.MemberStatus;
import io.kumo.image.domain.SortKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageListRequestTest {

    private static final ImageAccess.Viewer VIEWER = new ImageAccess.Viewer("u", "p", false, true, false);

    @Test
    void glanceFiltersAndUnknownParametersAsPropertyFilters() {
        ImageQuery q = ImageListRequest.parse(Map.of("name", new String[] {"in:\"a,b\",c"},
                "tag", new String[] {"x", "y"}, "os_distro", new String[] {"debian"},
                "created_at", new String[] {"gte:2026-01-01T00:00:00Z"}), VIEWER);
        assertThat(q.names()).containsExactly("a,b", "c");
        assertThat(q.tags()).containsExactly("x", "y");
        assertThat(q.properties()).containsEntry("os_distro", "debian");
        assertThat(q.createdAt()).singleElement().extracting(ImageQuery.TimeFilter::operator).isEqualTo("gte");
        assertThat(q.memberStatus()).isEqualTo(MemberStatus.ACCEPTED);
        assertThat(q.osHidden()).isFalse();
        assertThat(q.sort()).isEqualTo(SortKey.DEFAULT);
    }

    @Test
    void bothSortSyntaxesDefaultToDescendingAndEndOnCreatedAt() {
        assertThat(ImageListRequest.parse(Map.of("sort", new String[] {"name:asc,size"}), VIEWER).sort())
                .containsExactly(new SortKey("name", true), new SortKey("size", false), new SortKey("created_at", false));
        assertThat(ImageListRequest.parse(Map.of("sort_key", new String[] {"size"}, "sort_dir", new String[] {"asc"}),
                VIEWER).sort()).containsExactly(new SortKey("size", true), new SortKey("created_at", true));
    }

    @Test
    void malformedQueriesAreBadRequests() {
        for (Map<String, String[]> bad : java.util.List.of(
                Map.of("sort", new String[] {"name"}, "sort_key", new String[] {"size"}),
                Map.of("sort_key", new String[] {"password"}),
                Map.of("sort", new String[] {"name:sideways"}),
                Map.of("visibility", new String[] {"everyone"}),
                Map.of("member_status", new String[] {"maybe"}),
                Map.of("os_hidden", new String[] {"perhaps"}),
                Map.of("size_min", new String[] {"big"}),
                Map.of("created_at", new String[] {"after:2026"}),
                Map.of("name", new String[] {"in:\"open"}),
                Map.of("changes-since", new String[] {"2026-01-01"}))) {
            assertThatThrownBy(() -> ImageListRequest.parse(bad, VIEWER)).as(bad.keySet().toString())
                    .isInstanceOf(ApiException.class);
        }
        assertThatThrownBy(() -> ImageListRequest.limit(Map.of("limit", new String[] {"x"})))
                .isInstanceOf(ApiException.class);
        assertThat(ImageListRequest.limit(Map.of("limit", new String[] {"5000"}))).isEqualTo(1000);
    }
}
