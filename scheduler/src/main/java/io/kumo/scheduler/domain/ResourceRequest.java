package io.kumo.scheduler.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a consumer needs from one provider: amounts per resource class, traits it must and must not
 * have, and aggregates it must be in (each {@code memberOf} entry is a set of which at least one must
 * match; all entries must).
 */
public record ResourceRequest(Map<String, Integer> resources, Set<String> required, Set<String> forbidden,
        List<Set<String>> memberOf) {

    public ResourceRequest {
        Map<String, Integer> interned = new LinkedHashMap<>();
        resources.forEach((rc, amount) -> interned.put(rc.intern(), amount));
        resources = Collections.unmodifiableMap(interned);
        required = Set.copyOf(required);
        forbidden = Set.copyOf(forbidden);
        memberOf = List.copyOf(memberOf);
    }

    /** Parses {@code resources=VCPU:1,MEMORY_MB:512}, {@code required=A,!B}, {@code member_of=in:x,y}. */
    public static ResourceRequest parse(String resources, List<String> required, List<String> memberOf) {
        ResourceRequest traits = ofTraits(required);
        return new ResourceRequest(parseResources(resources), traits.required(), traits.forbidden(),
                parseMemberOf(memberOf));
    }

    /** Amounts per class from {@code VCPU:1,MEMORY_MB:512}. */
    public static Map<String, Integer> parseResources(String resources) {
        if (resources == null || resources.isBlank()) {
            throw PlacementException.badRequest("The 'resources' query parameter is required, in the form"
                    + " resources=VCPU:2,MEMORY_MB:1024.");
        }
        Map<String, Integer> amounts = new LinkedHashMap<>();
        for (String part : resources.split(",")) {
            String[] pair = part.trim().split(":");
            Integer amount = pair.length == 2 ? positive(pair[1].trim()) : null;
            if (amount == null || pair[0].isBlank()) {
                throw PlacementException.badRequest("Badly formed resources parameter. Expected resources query"
                        + " string parameter in form: ?resources=VCPU:2,MEMORY_MB:1024. Got: " + resources + ".");
            }
            if (amounts.put(pair[0].trim(), amount) != null) {
                throw PlacementException.badRequest("Badly formed resources parameter: the resource class "
                        + pair[0].trim() + " appears twice.");
            }
        }
        return amounts;
    }

    /** Only traits, from {@code required=A,!B} parameters. */
    public static ResourceRequest ofTraits(List<String> required) {
        Set<String> must = new LinkedHashSet<>();
        Set<String> mustNot = new LinkedHashSet<>();
        for (String param : required == null ? List.<String>of() : required) {
            for (String trait : param.split(",")) {
                String name = trait.trim();
                if (name.isEmpty() || name.equals("!")) {
                    throw PlacementException.badRequest("Invalid query string parameters: Expected 'required'"
                            + " parameter value of the form: HW_CPU_X86_VMX,!CUSTOM_MAGIC. Got: " + param);
                }
                if (name.startsWith("!")) {
                    mustNot.add(name.substring(1));
                } else {
                    must.add(name);
                }
            }
        }
        Set<String> conflicting = new LinkedHashSet<>(must);
        conflicting.retainAll(mustNot);
        if (!conflicting.isEmpty()) {
            throw PlacementException.badRequest("Conflicting required and forbidden traits found in the following"
                    + " traits keys: " + String.join(", ", conflicting));
        }
        return new ResourceRequest(Map.of(), must, mustNot, List.of());
    }

    public static List<Set<String>> parseMemberOf(List<String> memberOf) {
        List<Set<String>> groups = new ArrayList<>();
        for (String param : memberOf == null ? List.<String>of() : memberOf) {
            String value = param.startsWith("in:") ? param.substring(3) : param;
            Set<String> any = new LinkedHashSet<>();
            for (String uuid : value.split(",")) {
                if (!Uuids.isValid(uuid.trim())) {
                    throw PlacementException.badRequest("Invalid query string parameters: Expected 'member_of'"
                            + " parameter to contain valid UUID(s). Got: " + param);
                }
                any.add(uuid.trim());
            }
            groups.add(any);
        }
        return groups;
    }

    private static Integer positive(String text) {
        try {
            int value = Integer.parseInt(text);
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
