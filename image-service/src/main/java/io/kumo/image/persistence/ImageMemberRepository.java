package io.kumo.image.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ImageMemberRepository extends JpaRepository<ImageMember, ImageMember.Key> {

    @Query("select m from ImageMember m where m.key.imageId = :imageId order by m.createdAt")
    List<ImageMember> findByImage(@Param("imageId") String imageId);

    @Query("select m from ImageMember m where m.key.imageId = :imageId and m.key.memberId = :memberId")
    Optional<ImageMember> find(@Param("imageId") String imageId, @Param("memberId") String memberId);

    @Query("select count(m) from ImageMember m where m.key.imageId = :imageId")
    long countByImage(@Param("imageId") String imageId);
}
