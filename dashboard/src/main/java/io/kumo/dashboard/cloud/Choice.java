package io.kumo.dashboard.cloud;

/** Something a form offers to pick: its id (the value sent) and what the user reads. */
public record Choice(String id, String label) {
}
