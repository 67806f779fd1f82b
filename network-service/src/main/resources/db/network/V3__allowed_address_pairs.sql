-- addresses (and MACs) a port may also send from: "ip/prefix|mac" pairs, comma-separated
ALTER TABLE ports ADD COLUMN allowed_address_pairs TEXT NULL;
