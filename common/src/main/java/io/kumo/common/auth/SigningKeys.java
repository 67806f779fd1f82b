package io.kumo.common.auth;

import java.security.interfaces.ECPublicKey;

/** Where a validator finds identity's public token-signing keys, by key id. */
public interface SigningKeys {

    /** The public key with this id, or null when identity does not (or no longer) publish it. */
    ECPublicKey publicKey(String keyId);
}
