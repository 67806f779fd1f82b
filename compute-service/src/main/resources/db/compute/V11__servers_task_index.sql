-- The build watchdog looks every few seconds for deletes a host has not answered (task_state deleting,
-- updated long ago): an index, so the look is not a scan of every server ever created.
CREATE INDEX ix_servers_task ON servers (task_state, updated_at);
