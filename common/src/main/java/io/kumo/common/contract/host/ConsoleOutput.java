package io.kumo.common.contract.host;

import io.kumo.common.contract.MessageType;

/**
 * The reply to {@link GetConsoleOutput}.
 *
 * @param output the console's last lines, each ending with a newline; null when {@code error} is set
 * @param error  null on success, else why there is no output (the instance is not on the host, ...)
 */
@MessageType(name = "ConsoleOutput", version = 1)
public record ConsoleOutput(String instanceUuid, String host, String output, String error) {
}
