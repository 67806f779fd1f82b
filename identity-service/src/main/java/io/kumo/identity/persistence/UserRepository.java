package io.kumo.identity.persistence;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface UserRepository extends JpaRepository<User, String> {

    Optional<User> findByDomainIdAndName(String domainId, String name);

    boolean existsByDomainId(String domainId);

    /**
     * Counts a failed login atomically (concurrent guesses cannot lose increments) and locks the
     * account once the count reaches the threshold.
     */
    @Modifying(clearAutomatically = true)
    @Query("""
            update User u set
              u.lockedUntil = case when u.failedLogins + 1 >= :maxFailures then :lockUntil else u.lockedUntil end,
              u.failedLogins = case when u.failedLogins + 1 >= :maxFailures then 0 else u.failedLogins + 1 end,
              u.version = u.version + 1
            where u.id = :id""")
    int recordFailedLogin(@Param("id") String id, @Param("maxFailures") int maxFailures,
            @Param("lockUntil") Instant lockUntil);

    @Modifying(clearAutomatically = true)
    @Query("update User u set u.failedLogins = 0, u.lockedUntil = null, u.version = u.version + 1 "
            + "where u.id = :id and (u.failedLogins <> 0 or u.lockedUntil is not null)")
    int clearFailedLogins(@Param("id") String id);
}
