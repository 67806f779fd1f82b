package io.kumo.common.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * Base of entities whose id the service assigns (a UUID) before saving. Spring Data would take such an
 * entity for an existing one and merge it — a needless SELECT, and a second create with the same id
 * would overwrite the first. This makes a new entity an insert, which collides on the primary key.
 */
@MappedSuperclass
public abstract class AssignedIdEntity implements Persistable<String> {

    @Transient
    private boolean isNew = true;

    @PostLoad
    @PostPersist
    void stored() {
        isNew = false;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }
}
