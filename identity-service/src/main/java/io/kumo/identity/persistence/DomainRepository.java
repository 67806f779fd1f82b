package io.kumo.identity.persistence;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DomainRepository extends JpaRepository<Domain, String> {

    Optional<Domain> findByName(String name);
}
