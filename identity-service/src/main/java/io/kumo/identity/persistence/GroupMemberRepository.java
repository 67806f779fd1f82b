package io.kumo.identity.persistence;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GroupMemberRepository extends JpaRepository<GroupMember, GroupMember.Key> {

    List<GroupMember> findByUserId(String userId);

    List<GroupMember> findByGroupId(String groupId);
}
