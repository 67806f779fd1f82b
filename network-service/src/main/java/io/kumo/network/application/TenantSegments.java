package io.kumo.network.application;

import io.kumo.network.domain.SegmentRange;
import java.util.List;

/** The segment ranges tenant networks are given from (configured; empty means local networks). */
public record TenantSegments(List<SegmentRange> ranges) {
}
