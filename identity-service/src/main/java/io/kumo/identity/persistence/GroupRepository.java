package io.kumo.identity.persistence;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GroupRepository extends JpaRepository<Group, String> {

    Optional<Group> findByDomainIdAndName(String domainId, String name);
}
