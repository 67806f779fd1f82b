package io.kumo.identity.domain;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Role implications (admin ⇒ member ⇒ reader): the effective roles of a set of granted roles. */
public final class RoleGraph {

    private final Map<String, List<String>> implies;

    public RoleGraph(Map<String, List<String>> implies) {
        this.implies = implies;
    }

    public Set<String> expand(Collection<String> granted) {
        Set<String> effective = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(granted);
        while (!pending.isEmpty()) {
            String role = pending.pop();
            if (effective.add(role)) {
                pending.addAll(implies.getOrDefault(role, List.of()));
            }
        }
        return effective;
    }
}
