package io.kumo.agent;

import io.kumo.agent.domain.HostEvent;
import io.kumo.agent.domain.HostEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The broker as a list: every batch published or offered, in order; offers succeed unless told otherwise. */
public final class RecordingHostEvents implements HostEvents {

    private final List<List<HostEvent>> batches = new CopyOnWriteArrayList<>();
    private volatile boolean confirmOffers = true;

    @Override
    public void publish(List<HostEvent> events) {
        batches.add(List.copyOf(events));
    }

    @Override
    public boolean offer(List<HostEvent> events) {
        batches.add(List.copyOf(events));
        return confirmOffers;
    }

    public void confirmOffers(boolean confirm) {
        this.confirmOffers = confirm;
    }

    public List<List<HostEvent>> batches() {
        return batches;
    }

    /** Every payload sent, in order. */
    public List<Object> payloads() {
        List<Object> all = new ArrayList<>();
        batches.forEach(batch -> batch.forEach(event -> all.add(event.payload())));
        return all;
    }

    public <T> List<T> payloads(Class<T> type) {
        return payloads().stream().filter(type::isInstance).map(type::cast).toList();
    }

    public void clear() {
        batches.clear();
    }
}
