package io.kumo.identity.persistence;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CatalogServiceRepository extends JpaRepository<CatalogService, String> {

    List<CatalogService> findByType(String type);
}
