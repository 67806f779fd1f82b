package io.kumo.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kumo.common.error.ApiException;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void capsTheLimitAndFetchesOneMoreToKnowIfThereIsANextPage() {
        PageRequest page = PageRequest.of("5000", "abc", 100, 1000);
        assertThat(page.limit()).isEqualTo(1000);
        assertThat(page.fetchSize()).isEqualTo(1001);
        assertThat(page.marker()).isEqualTo("abc");
        assertThat(PageRequest.of(null, "", 100, 1000)).isEqualTo(new PageRequest(100, null));
    }

    @Test
    void refusesANegativeOrNonNumericLimit() {
        assertThatThrownBy(() -> PageRequest.of("-1", null, 100, 1000)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> PageRequest.of("ten", null, 100, 1000)).isInstanceOf(ApiException.class);
    }

    @Test
    void theNextLinkKeepsTheFiltersAndMovesTheMarker() {
        String next = PageLinks.next("http://h:5000/v3/audit-events", "outcome=failure&marker=old&limit=2",
                new PageRequest(2, "old"), "new");
        assertThat(next).isEqualTo("http://h:5000/v3/audit-events?outcome=failure&marker=new&limit=2");
    }
}
