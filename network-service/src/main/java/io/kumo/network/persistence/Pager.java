package io.kumo.network.persistence;

import io.kumo.common.persistence.Keyset;
import io.kumo.network.domain.NeutronException;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.stereotype.Component;

/** Neutron list paging ({@code sort_key}/{@code sort_dir}, {@code limit}/{@code marker}) as keyset queries. */
@Component
public class Pager {

    private final EntityManager entityManager;

    Pager(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * At most {@code fetch} rows matching {@code filter} in the order of {@code keys} (the id last),
     * after the row whose id is {@code marker} if given.
     */
    public <T> List<T> find(JpaSpecificationExecutor<T> repository, Class<T> type, Specification<T> filter,
            List<Keyset.Key> keys, String marker, int fetch) {
        List<Keyset.Key> total = Keyset.total(keys, "id");
        Specification<T> spec = filter;
        if (marker != null) {
            spec = spec.and(Keyset.after(entityManager, type, "id", marker, total).orElseThrow(() ->
                    new NeutronException(400, "InvalidInput", "Invalid input for operation: marker " + marker
                            + " not found.")));
        }
        return repository.findBy(spec, q -> q.sortBy(Keyset.sort(total)).limit(fetch).all());
    }
}
