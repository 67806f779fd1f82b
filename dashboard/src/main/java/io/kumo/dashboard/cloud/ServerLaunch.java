package io.kumo.dashboard.cloud;

/**
 * What the launch form sends, as the user typed it: blank fields are left out of the request and the count is
 * sent as typed when it is not a number, so that Nova's own validation answers.
 */
public record ServerLaunch(String name, String imageId, String flavorId, String networkId, String keyName,
        String userData, String count) {
}
