package io.kumo.image.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kumo.common.error.ApiException;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void rangesOfA1000ByteImage() {
        assertThat(ByteRange.parse(null, 1000)).isEqualTo(new ByteRange(0, 999, false));
        assertThat(ByteRange.parse("bytes=0-99", 1000)).isEqualTo(new ByteRange(0, 99, true));
        assertThat(ByteRange.parse("bytes=900-", 1000)).isEqualTo(new ByteRange(900, 999, true));
        assertThat(ByteRange.parse("bytes=-10", 1000)).isEqualTo(new ByteRange(990, 999, true));
        assertThat(ByteRange.parse("bytes=990-5000", 1000)).isEqualTo(new ByteRange(990, 999, true));
    }

    @Test
    void unsatisfiableRangesAreNullAndSeveralAreRefused() {
        assertThat(ByteRange.parse("bytes=1000-", 1000)).isNull();
        assertThat(ByteRange.parse("bytes=20-10", 1000)).isNull();
        assertThat(ByteRange.parse("items=0-1", 1000)).isNull();
        assertThat(ByteRange.parse("bytes=a-b", 1000)).isNull();
        assertThatThrownBy(() -> ByteRange.parse("bytes=0-1,5-6", 1000)).isInstanceOf(ApiException.class);
    }
}
