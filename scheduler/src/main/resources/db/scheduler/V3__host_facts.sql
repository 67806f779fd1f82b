-- what os-hypervisors shows of a host, as its agent reports it
ALTER TABLE hosts ADD COLUMN host_ip VARCHAR(64) NULL;
ALTER TABLE hosts ADD COLUMN hypervisor_type VARCHAR(64) NULL;
ALTER TABLE hosts ADD COLUMN hypervisor_version BIGINT NULL;
ALTER TABLE hosts ADD COLUMN cpu_info TEXT NULL;
