-- A locked server refuses actions and changes from everyone but admins (Nova's lock/unlock);
-- locked_by is 'owner' or 'admin': only an admin may lift an admin's lock.
CREATE TABLE server_locks (
    server_id VARCHAR(36) NOT NULL PRIMARY KEY,
    locked_by VARCHAR(8)  NOT NULL,
    locked_at DATETIME(6) NOT NULL
);
