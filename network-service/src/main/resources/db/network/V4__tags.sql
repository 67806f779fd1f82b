-- standard-attr-tag: each resource's tags, kept as ",a,b," so that a tag filter is an exact LIKE '%,a,%'
ALTER TABLE networks ADD COLUMN tags TEXT NULL;
ALTER TABLE subnets ADD COLUMN tags TEXT NULL;
ALTER TABLE ports ADD COLUMN tags TEXT NULL;
