package io.kumo.identity.application;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import io.kumo.common.auth.SigningKeys;
import io.kumo.identity.domain.Ids;
import io.kumo.identity.persistence.SigningKey;
import io.kumo.identity.persistence.SigningKeyRepository;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * identity's ES256 key pairs, kept in its database so every replica signs and verifies with the same
 * keys and tokens survive restarts. The first start generates one; the public halves are published
 * as a JWKS document for the other services.
 */
@Service
public class SigningKeyService implements SigningKeys {

    private final SigningKeyRepository repository;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<String, ECPublicKey> publicKeys = new ConcurrentHashMap<>();
    private volatile ActiveKey active;

    SigningKeyService(SigningKeyRepository repository, PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        // its own transaction: the first token may be signed inside a caller's read-only transaction,
        // where the new key would silently never be written
        this.transactions = new TransactionTemplate(transactions);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The key new tokens are signed with (created on first use). */
    public ActiveKey activeKey() {
        ActiveKey key = active;
        if (key == null) {
            key = loadOrCreate();
            active = key;
        }
        return key;
    }

    @Override
    public ECPublicKey publicKey(String keyId) {
        if (keyId == null) {
            return null;
        }
        ECPublicKey key = publicKeys.get(keyId);
        if (key == null) {
            // a key another replica created after we loaded ours
            repository.findById(keyId).ifPresent(k -> publicKeys.put(k.kid(), decodePublic(k.publicKey())));
            key = publicKeys.get(keyId);
        }
        return key;
    }

    public String jwks() {
        List<com.nimbusds.jose.jwk.JWK> keys = new ArrayList<>();
        for (SigningKey key : repository.findAll()) {
            keys.add(new ECKey.Builder(Curve.P_256, decodePublic(key.publicKey())).keyID(key.kid())
                    .keyUse(KeyUse.SIGNATURE).algorithm(com.nimbusds.jose.JWSAlgorithm.ES256).build());
        }
        return new JWKSet(keys).toString(true);
    }

    private synchronized ActiveKey loadOrCreate() {
        if (active != null) {
            return active;
        }
        SigningKey stored = transactions.execute(status -> repository.findByActiveTrue().stream().findFirst()
                .orElseGet(() -> repository.save(generate())));
        ECPublicKey publicKey = decodePublic(stored.publicKey());
        publicKeys.put(stored.kid(), publicKey);
        return new ActiveKey(stored.kid(), decodePrivate(stored.privateKey()));
    }

    private SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            Base64.Encoder b64 = Base64.getEncoder();
            return new SigningKey(Ids.newId(), b64.encodeToString(pair.getPrivate().getEncoded()),
                    b64.encodeToString(pair.getPublic().getEncoded()), clock.instant(), true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a token signing key", e);
        }
    }

    private static ECPublicKey decodePublic(String base64) {
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Corrupt public signing key", e);
        }
    }

    private static ECPrivateKey decodePrivate(String base64) {
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Corrupt private signing key", e);
        }
    }

    public record ActiveKey(String kid, ECPrivateKey privateKey) {
    }
}
