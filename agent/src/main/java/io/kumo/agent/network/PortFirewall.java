package io.kumo.agent.network;

import io.kumo.agent.driver.HostCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ports' firewalls on this host (ARCHITECTURE.md §5: security groups as nftables rules per port): each
 * port's tables replaced in one nftables transaction, so a rule change never leaves a port open or shut in
 * between. Each port gets a number of its own for its packet mark. Bridged IP traffic must pass the IP hooks
 * (br_netfilter, {@code net.bridge.bridge-nf-call-iptables=1}), which the firewall turns on in its namespace.
 */
public final class PortFirewall {

    private static final Pattern TABLE = Pattern.compile("^table bridge kumo-(\\S+) \\{");
    private static final Pattern MARK = Pattern.compile("meta mark set 0x([0-9a-f]{8})");

    private final HostCommands commands;
    private final String namespace;
    private final int markBase;
    private final Map<String, Integer> numbers = new HashMap<>();
    private final Map<String, PortFilter> applied = new HashMap<>();
    private final TreeSet<Integer> free = new TreeSet<>();
    private int next = 1;
    private boolean learned;
    private boolean bridgeHooksOn;

    /**
     * @param markBase the upper 16 bits of this driver's marks (drivers sharing a namespace use their own), the
     *                 lower ones number its ports
     */
    public PortFirewall(HostCommands commands, String namespace, int markBase) {
        this.commands = commands;
        this.namespace = namespace;
        this.markBase = markBase & 0xffff0000;
    }

    /** Makes or replaces the port's firewall; one already rendered from an equal filter is left as it is. */
    public synchronized void apply(PortFilter filter) {
        if (filter.equals(applied.get(filter.tap()))) {
            return;
        }
        if (filter.portSecurity()) {
            enableBridgeHooks();
        }
        learnExisting();
        run(NftRuleset.replace(filter, markBase + numberOf(filter.tap())));
        applied.put(filter.tap(), filter);
    }

    /** The filter the port's firewall was last rendered from; empty when it has none. */
    public synchronized java.util.Optional<PortFilter> applied(String tap) {
        return java.util.Optional.ofNullable(applied.get(tap));
    }

    /**
     * The numbers of this driver's ports whose tables outlived an earlier run of the agent (the kernel keeps
     * them), so that a new port never shares a mark with an old one.
     */
    private void learnExisting() {
        if (learned) {
            return;
        }
        String tap = null;
        for (String line : commands.run(inNamespace(List.of("nft", "list", "ruleset"))).lines().toList()) {
            Matcher table = TABLE.matcher(line.strip());
            if (table.find()) {
                tap = table.group(1);
                continue;
            }
            Matcher mark = MARK.matcher(line);
            if (tap != null && mark.find()) {
                int value = (int) Long.parseLong(mark.group(1), 16);
                if ((value & 0xffff0000) == markBase) {
                    numbers.put(tap, value & 0xffff);
                    next = Math.max(next, (value & 0xffff) + 1);
                }
            }
        }
        learned = true;
    }

    /** Removes the port's firewall; none there is fine. */
    public synchronized void remove(String tap) {
        run(NftRuleset.remove(tap));
        applied.remove(tap);
        Integer number = numbers.remove(tap);
        if (number != null) {
            free.add(number);
        }
    }

    private int numberOf(String tap) {
        return numbers.computeIfAbsent(tap, t -> {
            if (!free.isEmpty()) {
                return free.pollFirst();
            }
            if (next > 0xffff) {
                throw new IllegalStateException("more than 65,535 ports with firewalls on this host");
            }
            return next++;
        });
    }

    private void enableBridgeHooks() {
        if (bridgeHooksOn) {
            return;
        }
        try {
            commands.run(List.of("modprobe", "br_netfilter"));
        } catch (HostCommands.HostCommandFailed e) {
            // built into the kernel (or loaded): the sysctl below says whether it is there
        }
        commands.run(inNamespace(List.of("sysctl", "-q", "-w", "net.bridge.bridge-nf-call-iptables=1",
                "net.bridge.bridge-nf-call-ip6tables=1")));
        bridgeHooksOn = true;
    }

    private void run(String ruleset) {
        Path file = null;
        try {
            file = Files.createTempFile("kumo-nft", ".nft");
            Files.writeString(file, ruleset);
            commands.run(inNamespace(List.of("nft", "-f", file.toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left in /tmp
                }
            }
        }
    }

    private List<String> inNamespace(List<String> command) {
        if (namespace == null) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        wrapped.addAll(command);
        return wrapped;
    }
}
