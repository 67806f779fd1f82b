-- standard-attr-tag on security groups too, kept as on the other resources (",a,b,")
ALTER TABLE security_groups ADD COLUMN tags TEXT NULL;
