-- A server's same_host / different_host scheduler hints, kept so that its reschedules honour them too.
CREATE TABLE server_scheduler_hints (
    server_id    VARCHAR(36) NOT NULL,
    hint         VARCHAR(16) NOT NULL,
    other_server VARCHAR(36) NOT NULL,
    PRIMARY KEY (server_id, hint, other_server)
);
