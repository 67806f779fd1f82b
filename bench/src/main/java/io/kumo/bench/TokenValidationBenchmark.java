package io.kumo.bench;

import io.kumo.common.auth.InvalidTokenException;
import io.kumo.common.auth.RevocationList;
import io.kumo.common.auth.RoleRef;
import io.kumo.common.auth.TokenClaims;
import io.kumo.common.auth.TokenCodec;
import io.kumo.common.auth.TokenScope;
import io.kumo.common.auth.TokenValidator;
import io.kumo.common.contract.identity.TokensRevoked;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * How many token validations per second one service process does (issue target: ≥ 50,000/s on
 * 2 cores). {@code cached}: the steady state — a token seen before, with expiry and revocation checked
 * against 10,000 live revocation events. {@code firstSight}: a token never seen, so the ES256
 * signature is verified (what every new token costs once).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TokenValidationBenchmark {

    private static final int TOKENS = 1000;

    private final String[] tokens = new String[TOKENS];
    private TokenValidator validator;
    private TokenCodec codec;
    private String keyId;
    private ECPublicKey publicKey;
    private int next;

    @Setup
    public void setUp() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        publicKey = (ECPublicKey) pair.getPublic();
        keyId = UUID.randomUUID().toString();
        codec = new TokenCodec();
        RevocationList revocations = new RevocationList();
        Instant now = Instant.now();
        for (int i = 0; i < 10_000; i++) {
            revocations.apply(new TokensRevoked(String.valueOf(i), UUID.randomUUID().toString(), null, null, null, null,
                    now, now));
        }
        validator = new TokenValidator(kid -> keyId.equals(kid) ? publicKey : null, revocations, Clock.systemUTC(),
                100_000);
        for (int i = 0; i < TOKENS; i++) {
            TokenClaims claims = new TokenClaims("user-" + i, "default", TokenScope.PROJECT, "project-" + (i % 50), null,
                    List.of(new RoleRef("r1", "member"), new RoleRef("r2", "reader")), List.of("password"),
                    List.of(UUID.randomUUID().toString().substring(0, 22)), now, now.plus(Duration.ofHours(1)), null, false);
            tokens[i] = codec.sign(claims, keyId, (ECPrivateKey) pair.getPrivate());
            validator.validate(tokens[i]);
        }
    }

    @Benchmark
    @Threads(2)
    public TokenClaims cached() throws InvalidTokenException {
        return validator.validate(tokens[(next++ & Integer.MAX_VALUE) % TOKENS]);
    }

    @Benchmark
    @Threads(2)
    public TokenClaims firstSight() throws InvalidTokenException {
        return codec.verify(tokens[(next++ & Integer.MAX_VALUE) % TOKENS], kid -> publicKey);
    }
}
