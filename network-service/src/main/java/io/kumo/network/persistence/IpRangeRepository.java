package io.kumo.network.persistence;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The free ranges of subnets. Allocation locks the lowest range of a subnet (one indexed row): two
 * allocations on a subnet queue on that row, and neither cost grows with the number of ports.
 */
public interface IpRangeRepository extends JpaRepository<IpRange, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from IpRange r where r.subnetId = :subnetId order by r.firstIp")
    List<IpRange> lowest(@Param("subnetId") String subnetId, Limit limit);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from IpRange r where r.subnetId = :subnetId and r.firstIp <= :ip and r.lastIp >= :ip")
    Optional<IpRange> containing(@Param("subnetId") String subnetId, @Param("ip") long ip);
}
