package io.kumo.common.contract.volume;

/**
 * One volume backend a storage host runs, as it reports it.
 *
 * @param backend    the backend's name, unique on its host; volume types choose it by their
 *                   {@code volume_backend_name} extra spec
 * @param driver     what keeps the volumes ({@code file}, {@code btrfs}, ...)
 * @param capacityGb the size of the storage the backend lives on
 * @param freeGb     what is free on it now (volumes are thin: their files grow as guests write)
 */
public record StoragePool(String backend, String driver, long capacityGb, long freeGb) {
}
