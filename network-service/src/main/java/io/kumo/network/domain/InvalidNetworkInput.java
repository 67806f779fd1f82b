package io.kumo.network.domain;

/** Input Neutron rejects as {@code InvalidInput} (400), with the reason after "Invalid input for operation: ". */
public class InvalidNetworkInput extends NeutronException {

    public InvalidNetworkInput(String reason) {
        super(400, "InvalidInput", "Invalid input for operation: " + reason);
    }
}
