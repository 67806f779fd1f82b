package io.kumo.scheduler.application;

import io.kumo.scheduler.domain.Decision;
import io.kumo.scheduler.persistence.DecisionRecords;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decisions as operators read them (snake_case JSON, one document per attempt) and the decision
 * latency timer ({@code kumo.scheduler.decisions}, p50/p99 at /actuator/metrics).
 */
@Component
public class DecisionLog {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private final DecisionRecords records;
    private final Timer timer;

    DecisionLog(DecisionRecords records, MeterRegistry meters) {
        this.records = records;
        this.timer = Timer.builder("kumo.scheduler.decisions").description("ScheduleServer received to host claimed")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    public void record(Decision decision, long nanos) {
        records.insert(decision.consumerUuid(), decision.attempt(), decision.outcome(), decision.host(),
                decision.summary(), JSON.writeValueAsString(decision), decision.createdAt());
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A consumer's decisions, oldest first. */
    @Transactional(readOnly = true)
    public List<JsonNode> of(String consumer) {
        return records.bodies(consumer).stream().map(JSON::readTree).toList();
    }
}
