package io.kumo.identity.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ApplicationCredentialRepository extends JpaRepository<ApplicationCredential, String> {

    List<ApplicationCredential> findByUserId(String userId);

    Optional<ApplicationCredential> findByUserIdAndName(String userId, String name);

    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query(value = "delete from application_credential_roles where role_id = :roleId",
            nativeQuery = true)
    int removeRole(@org.springframework.data.repository.query.Param("roleId") String roleId);
}
