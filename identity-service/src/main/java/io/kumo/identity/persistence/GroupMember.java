package io.kumo.identity.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

@Entity
@Table(name = "group_members")
@IdClass(GroupMember.Key.class)
public class GroupMember {

    @Id
    private String groupId;
    @Id
    private String userId;

    protected GroupMember() {
    }

    public GroupMember(String groupId, String userId) {
        this.groupId = groupId;
        this.userId = userId;
    }

    public String groupId() { return groupId; }
    public String userId() { return userId; }

    public record Key(String groupId, String userId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
