package io.kumo.network.persistence;

import org.springframework.data.jpa.repository.JpaRepository;

public interface NetworkSegmentRepository extends JpaRepository<NetworkSegment, NetworkSegment.Key> {
}
