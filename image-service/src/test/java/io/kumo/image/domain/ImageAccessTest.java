package io.kumo.image.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageAccessTest {

    private static final ImageAccess.Viewer OWNER = new ImageAccess.Viewer("u1", "p1", false, true, false);
    private static final ImageAccess.Viewer STRANGER = new ImageAccess.Viewer("u2", "p2", false, true, false);
    private static final ImageAccess.Viewer AGENT = new ImageAccess.Viewer("kumo-agent", "service", false, false, true);

    @Test
    void aServiceUserSeesEveryImageToRunItButChangesNone() {
        assertThat(ImageAccess.canSee(OWNER, "p1", Visibility.PRIVATE, false)).isTrue();
        assertThat(ImageAccess.canSee(STRANGER, "p1", Visibility.PRIVATE, false)).isFalse();
        assertThat(ImageAccess.canSee(AGENT, "p1", Visibility.PRIVATE, false)).isTrue();
        assertThat(ImageAccess.canSee(AGENT, "p1", Visibility.SHARED, false)).isTrue();
        assertThat(ImageAccess.canModify(AGENT, "p1")).isFalse();
        assertThat(ImageAccess.canModify(OWNER, "p1")).isTrue();
    }
}
