package io.kumo.compute.application;

import java.util.List;

/**
 * The {@code os:scheduler_hints} Kumo acts on: the server group to join, and servers whose host the new
 * one must share ({@code same_host}) or avoid ({@code different_host}).
 */
public record SchedulerHints(String group, List<String> sameHost, List<String> differentHost) {

    public static final SchedulerHints NONE = new SchedulerHints(null, List.of(), List.of());

    public SchedulerHints {
        sameHost = sameHost == null ? List.of() : List.copyOf(sameHost);
        differentHost = differentHost == null ? List.of() : List.copyOf(differentHost);
    }
}
