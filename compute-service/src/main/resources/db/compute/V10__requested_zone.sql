-- The zone a create asked for, apart from the zone the server is in: a server placed without one shows its
-- host's zone, and its reschedules must not be confined to the zone of the host that failed it.
ALTER TABLE servers ADD COLUMN requested_zone VARCHAR(255) NULL;
UPDATE servers SET requested_zone = availability_zone;
