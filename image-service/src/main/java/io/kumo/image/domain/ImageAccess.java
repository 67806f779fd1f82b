package io.kumo.image.domain;

/**
 * Glance's sharing rules for one image. Anyone authenticated sees public and community images; a
 * shared image is seen by its owner and its member projects (whatever their member status); a private
 * one by its owner only. A Kumo service user (role {@code service}, such as the agents' {@code kumo-agent})
 * sees every image, to run it for whoever asked — it lists and changes nothing beyond its own project. Only
 * the owner (a member of it) or an admin changes an image. An image a caller cannot see does not exist for
 * it (404), one it sees but may not change is 403.
 */
public final class ImageAccess {

    private ImageAccess() {
    }

    public static boolean canSee(Viewer viewer, String owner, Visibility visibility, boolean isMember) {
        if (viewer.admin() || viewer.service() || owner.equals(viewer.project())) {
            return true;
        }
        return switch (visibility) {
            case PUBLIC, COMMUNITY -> true;
            case SHARED -> isMember;
            case PRIVATE -> false;
        };
    }

    public static boolean canModify(Viewer viewer, String owner) {
        return viewer.admin() || (owner.equals(viewer.project()) && viewer.member());
    }

    /**
     * Who asks.
     *
     * @param project the project of the caller's token (null for domain- or system-scoped tokens)
     * @param member  whether the caller may write in that project (role member), not merely read
     * @param service whether the caller is a Kumo service (reads any image it is asked to run)
     */
    public record Viewer(String userId, String project, boolean admin, boolean member, boolean service) {
    }
}
