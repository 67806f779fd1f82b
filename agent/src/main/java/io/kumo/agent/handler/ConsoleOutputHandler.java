package io.kumo.agent.handler;

import io.kumo.agent.domain.ServedHost;
import io.kumo.common.contract.host.ConsoleOutput;
import io.kumo.common.contract.host.GetConsoleOutput;
import java.util.List;

/**
 * {@code GetConsoleOutput}: the last lines of the instance's console log, as Nova's
 * {@code get_console_output} gives them (each line with its newline; all of them when no count is asked).
 */
public final class ConsoleOutputHandler {

    public ConsoleOutput handle(GetConsoleOutput request, ServedHost host) {
        return host.driver().consoleLog(request.instanceUuid())
                .map(lines -> new ConsoleOutput(request.instanceUuid(), host.name(), tail(lines, request.lines()), null))
                .orElseGet(() -> new ConsoleOutput(request.instanceUuid(), host.name(), null,
                        ActionAnswers.notOnHostMessage(request.instanceUuid(), host.name())));
    }

    public ConsoleOutput notServed(GetConsoleOutput request, String host) {
        return new ConsoleOutput(request.instanceUuid(), host, null, "host " + host + " is not served by this agent");
    }

    static String tail(List<String> lines, Integer count) {
        int from = count == null || count < 0 ? 0 : Math.max(0, lines.size() - count);
        StringBuilder out = new StringBuilder();
        for (String line : lines.subList(from, lines.size())) {
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
