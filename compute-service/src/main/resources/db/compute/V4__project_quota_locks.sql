-- One row per project, locked (SELECT ... FOR UPDATE) by every server create while it re-checks the
-- project's quota and stores its servers: concurrent creates of one project take turns, so a burst
-- cannot overrun the quota.
CREATE TABLE project_quota_locks (
    project_id VARCHAR(64) NOT NULL PRIMARY KEY
);
