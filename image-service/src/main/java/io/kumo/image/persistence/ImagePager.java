package io.kumo.image.persistence;

import io.kumo.common.persistence.Keyset;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/** A page of images: keyset paging after a marker image, in the order asked (the id last). */
@Component
public class ImagePager {

    private final EntityManager entityManager;
    private final ImageRepository images;

    ImagePager(EntityManager entityManager, ImageRepository images) {
        this.entityManager = entityManager;
        this.images = images;
    }

    /** At most {@code fetch} images; the marker must exist (the caller checked it is visible). */
    public List<Image> find(Specification<Image> filter, List<Keyset.Key> keys, String marker, int fetch) {
        List<Keyset.Key> total = Keyset.total(keys, "id");
        Specification<Image> spec = marker == null ? filter
                : filter.and(Keyset.after(entityManager, Image.class, "id", marker, total).orElseThrow());
        return images.findBy(spec, q -> q.sortBy(Keyset.sort(total)).limit(fetch).all());
    }
}
