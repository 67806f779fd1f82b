package io.kumo.common.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Identity's public signing keys as published in its JWKS document, cached. An unknown key id (a key
 * rotated in since the last fetch) triggers a refetch, at most once per {@code minRefetchInterval} so a
 * flood of forged key ids cannot hammer identity. Concurrent requests with a new key share one refetch:
 * those that arrive during it wait for its result.
 */
public class JwksSigningKeys implements SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(JwksSigningKeys.class);

    private final Supplier<String> jwksDocument;
    private final Clock clock;
    private final Duration minRefetchInterval;
    private final Map<String, ECPublicKey> keys = new ConcurrentHashMap<>();
    private volatile Instant lastFetch = Instant.MIN;

    public JwksSigningKeys(Supplier<String> jwksDocument, Clock clock, Duration minRefetchInterval) {
        this.jwksDocument = jwksDocument;
        this.clock = clock;
        this.minRefetchInterval = minRefetchInterval;
    }

    @Override
    public ECPublicKey publicKey(String keyId) {
        if (keyId == null) {
            return null;
        }
        ECPublicKey key = keys.get(keyId);
        if (key != null) {
            return key;
        }
        synchronized (this) {
            // requests that arrive while another refetches wait for it, instead of failing as "unknown"
            key = keys.get(keyId);
            if (key == null && refetchAllowed()) {
                refresh();
                key = keys.get(keyId);
            }
            return key;
        }
    }

    public synchronized void refresh() {
        lastFetch = clock.instant();
        try {
            for (JWK jwk : JWKSet.parse(jwksDocument.get()).getKeys()) {
                if (jwk instanceof ECKey ec) {
                    keys.put(ec.getKeyID(), ec.toECPublicKey());
                }
            }
        } catch (ParseException | JOSEException | RuntimeException e) {
            log.warn("Could not fetch identity's signing keys: {}", e.toString());
        }
    }

    private boolean refetchAllowed() {
        return clock.instant().isAfter(lastFetch.plus(minRefetchInterval));
    }
}
