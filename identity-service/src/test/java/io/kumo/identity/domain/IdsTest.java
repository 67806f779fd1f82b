package io.kumo.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void secretsAreUrlSafeAndNeverLookLikeACommandLineOption() {
        // 1 in 64 raw encodings starts with '-': 5000 draws would all but surely hit one
        IntStream.range(0, 5000).mapToObj(i -> Ids.newSecret()).forEach(secret -> {
            assertThat(secret).hasSize(64).matches("[A-Za-z0-9_-]+").doesNotStartWith("-");
        });
    }

    @Test
    void idsAre32LowercaseHexDigits() {
        assertThat(Ids.newId()).matches("[0-9a-f]{32}");
    }
}
