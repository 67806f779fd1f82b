package io.kumo.dashboard.cloud;

/** A server as the instances page lists it. */
public record ServerRow(String id, String name, String status, String taskState, String addresses, String created,
        String projectId) {

    /** Still changing: the page keeps polling while any row is. */
    public boolean changing() {
        return "BUILD".equals(status) || taskState != null;
    }
}
