package io.kumo.common.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that knows how token claims are laid out in an ES256 JWS (like Keystone's {@code jws}
 * token provider): identity signs with it, every service verifies with it. Times are kept in
 * milliseconds as well, because a revocation at time t must not kill a token issued later in the
 * same second.
 */
public final class TokenCodec {

    private static final String USER_DOMAIN = "udm";
    private static final String SCOPE = "scp";
    private static final String PROJECT = "prj";
    private static final String DOMAIN = "dom";
    private static final String ROLES = "rol";
    private static final String METHODS = "mth";
    private static final String AUDIT_IDS = "aid";
    private static final String ISSUED_MS = "iatms";
    private static final String EXPIRES_MS = "expms";
    private static final String APP_CREDENTIAL = "acr";
    private static final String ADMIN_PROJECT = "adm";

    private final Map<ECPublicKey, ECDSAVerifier> verifiers = new ConcurrentHashMap<>();

    public String sign(TokenClaims claims, String keyId, ECPrivateKey key) {
        JWTClaimsSet.Builder body = new JWTClaimsSet.Builder()
                .subject(claims.userId())
                .issueTime(Date.from(claims.issuedAt()))
                .expirationTime(Date.from(claims.expiresAt()))
                .claim(USER_DOMAIN, claims.userDomainId())
                .claim(SCOPE, claims.scope().name())
                .claim(METHODS, claims.methods())
                .claim(AUDIT_IDS, claims.auditIds())
                .claim(ISSUED_MS, claims.issuedAt().toEpochMilli())
                .claim(EXPIRES_MS, claims.expiresAt().toEpochMilli())
                .claim(ROLES, roleMaps(claims.roles()))
                .claim(ADMIN_PROJECT, claims.adminProject());
        putIfPresent(body, PROJECT, claims.projectId());
        putIfPresent(body, DOMAIN, claims.domainId());
        putIfPresent(body, APP_CREDENTIAL, claims.applicationCredentialId());
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId).build(), body.build());
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign token", e);
        }
        return jwt.serialize();
    }

    public TokenClaims verify(String token, SigningKeys keys) throws InvalidTokenException {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new InvalidTokenException("not a JWS token", e);
        }
        if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
            throw new InvalidTokenException("unexpected algorithm " + jwt.getHeader().getAlgorithm());
        }
        ECPublicKey key = keys.publicKey(jwt.getHeader().getKeyID());
        if (key == null) {
            throw new InvalidTokenException("unknown signing key " + jwt.getHeader().getKeyID());
        }
        try {
            if (!jwt.verify(verifier(key))) {
                throw new InvalidTokenException("bad signature");
            }
            return claimsOf(jwt.getJWTClaimsSet());
        } catch (JOSEException | ParseException | RuntimeException e) {
            throw new InvalidTokenException("unreadable token", e);
        }
    }

    private ECDSAVerifier verifier(ECPublicKey key) {
        return verifiers.computeIfAbsent(key, k -> {
            try {
                return new ECDSAVerifier(k);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static TokenClaims claimsOf(JWTClaimsSet set) throws ParseException {
        List<RoleRef> roles = new ArrayList<>();
        Object rawRoles = set.getClaim(ROLES);
        if (rawRoles instanceof List<?> list) {
            for (Object item : list) {
                Map<?, ?> role = (Map<?, ?>) item;
                roles.add(new RoleRef((String) role.get("id"), (String) role.get("name")));
            }
        }
        return new TokenClaims(
                set.getSubject(),
                set.getStringClaim(USER_DOMAIN),
                TokenScope.valueOf(set.getStringClaim(SCOPE)),
                set.getStringClaim(PROJECT),
                set.getStringClaim(DOMAIN),
                roles,
                set.getStringListClaim(METHODS),
                set.getStringListClaim(AUDIT_IDS),
                Instant.ofEpochMilli(set.getLongClaim(ISSUED_MS)),
                Instant.ofEpochMilli(set.getLongClaim(EXPIRES_MS)),
                set.getStringClaim(APP_CREDENTIAL),
                Boolean.TRUE.equals(set.getBooleanClaim(ADMIN_PROJECT)));
    }

    private static List<Map<String, String>> roleMaps(List<RoleRef> roles) {
        List<Map<String, String>> maps = new ArrayList<>();
        for (RoleRef role : roles) {
            Map<String, String> map = new LinkedHashMap<>();
            map.put("id", role.id());
            map.put("name", role.name());
            maps.add(map);
        }
        return maps;
    }

    private static void putIfPresent(JWTClaimsSet.Builder body, String name, String value) {
        if (value != null) {
            body.claim(name, value);
        }
    }
}
