-- A port the user created and booted the server with: on delete it is detached, not deleted (Nova's
-- preserve_on_delete).
ALTER TABLE server_ports ADD COLUMN preserve_on_delete BOOLEAN NOT NULL DEFAULT FALSE;
