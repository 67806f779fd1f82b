package io.kumo.identity.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RevocationEventRepository extends JpaRepository<RevocationEvent, Long> {

    List<RevocationEvent> findByIssuedBeforeAfterOrderByIdAsc(Instant horizon);

    @Modifying
    @Query("delete from RevocationEvent e where e.issuedBefore < :horizon")
    int deleteIssuedBefore(@Param("horizon") Instant horizon);
}
