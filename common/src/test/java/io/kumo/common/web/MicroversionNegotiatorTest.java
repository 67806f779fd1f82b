package io.kumo.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kumo.common.error.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class MicroversionNegotiatorTest {

    private final MicroversionNegotiator compute = new MicroversionNegotiator("compute",
            "X-OpenStack-Nova-API-Version", Microversion.parse("2.1"), Microversion.parse("2.1"));

    @Test
    void noHeaderMeansTheMinimumAndLatestTheMaximum() {
        assertThat(compute.negotiate(null, null)).isEqualTo(new Microversion(2, 1));
        assertThat(compute.negotiate("compute latest", null)).isEqualTo(new Microversion(2, 1));
    }

    @Test
    void readsTheStandardHeaderForItsOwnServiceAndFallsBackToTheLegacyOne() {
        assertThat(compute.negotiate("volume 3.0, compute 2.1", null)).isEqualTo(new Microversion(2, 1));
        assertThat(compute.negotiate("volume 3.0", "2.1")).isEqualTo(new Microversion(2, 1));
    }

    @Test
    void anUnsupportedVersionIs406AndAMalformedOne400() {
        assertThatThrownBy(() -> compute.negotiate("compute 2.60", null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_ACCEPTABLE));
        assertThatThrownBy(() -> compute.negotiate("compute two", null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }

    @Test
    void versionsCompareNumericallyNotAsText() {
        assertThat(Microversion.parse("2.10")).isGreaterThan(Microversion.parse("2.9"));
    }
}
