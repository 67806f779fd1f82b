package io.kumo.identity.persistence;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ImpliedRoleRepository extends JpaRepository<ImpliedRole, ImpliedRole.Key> {
}
