package io.kumo.identity.application;

import io.kumo.common.contract.audit.AuditRecorded;
import io.kumo.common.error.ApiException;
import io.kumo.common.web.RequestIds;
import io.kumo.identity.domain.Credentials;
import io.kumo.identity.domain.ScopeRequest;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code POST /v3/auth/tokens}: verify the credentials, resolve the scope, sign the token. Every
 * attempt, granted or refused, leaves an audit record saying who tried what and why it failed.
 */
@Service
public class AuthenticationService {

    private static final Logger log = LoggerFactory.getLogger(AuthenticationService.class);

    private static final String ACTION = "identity:authenticate";

    private final Authenticators authenticators;
    private final PasswordAuthenticator passwords;
    private final ScopeResolver scopes;
    private final TokenIssuer issuer;
    private final TokenDetailsAssembler assembler;
    private final AuditLedger audit;
    private final Clock clock;
    private final TransactionTemplate readOnly;

    AuthenticationService(Authenticators authenticators, PasswordAuthenticator passwords, ScopeResolver scopes, TokenIssuer issuer,
            TokenDetailsAssembler assembler, AuditLedger audit, Clock clock, PlatformTransactionManager transactions) {
        this.authenticators = authenticators;
        this.passwords = passwords;
        this.scopes = scopes;
        this.issuer = issuer;
        this.assembler = assembler;
        this.audit = audit;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public Authentication authenticate(Credentials credentials, ScopeRequest scope, boolean withCatalog,
            String clientAddress) {
        long start = System.nanoTime();
        HashTimer.takeSpentNanos();
        try {
            TokenDetails details = credentials instanceof Credentials.Password password
                    ? byPassword(password, scope, withCatalog)
                    : byOtherMethod(credentials, scope, withCatalog);
            audit.record(record(credentials, details.user().id(), details.claims().projectId(), 201,
                    details.claims().auditId(), null, clientAddress));
            long hash = HashTimer.takeSpentNanos();
            return new Authentication(details, hash, System.nanoTime() - start - hash);
        } catch (AuthenticationFailure e) {
            log.info("Refused authentication (user {}, from {}): {}", e.userId(), clientAddress, e.reason());
            audit.record(record(credentials, e.userId(), null, 401, null, e.reason(), clientAddress));
            throw e;
        } catch (ApiException e) {
            audit.record(record(credentials, null, null, e.status().value(), null, e.getMessage(), clientAddress));
            throw e;
        }
    }

    /**
     * A password takes ~100 ms to hash. Everything the token needs from the database is read first, in
     * one short transaction, so that the hash holds no connection and nothing but signing is left after
     * it. A scope that cannot be granted is only reported once the password checked out, so that an
     * unauthenticated caller learns nothing about projects.
     */
    private TokenDetails byPassword(Credentials.Password password, ScopeRequest scope, boolean withCatalog) {
        PasswordRequest request = readOnly.execute(status -> {
            PasswordAuthenticator.Candidate candidate = passwords.lookUp(password);
            if (candidate == null) {
                return new PasswordRequest(null, null, null);
            }
            try {
                return new PasswordRequest(candidate,
                        scopes.resolve(Authenticated.byPassword(candidate.user()), scope), null);
            } catch (ApiException refused) {
                return new PasswordRequest(candidate, null, refused);
            }
        });
        Authenticated who = passwords.verify(password, request.candidate());
        if (request.refusal() != null) {
            throw request.refusal();
        }
        return assembler.issued(issuer.issue(who, request.scope()), who, request.scope(), withCatalog);
    }

    /** Tokens need no hash and run in one transaction; an application credential's secret is hashed before it. */
    private TokenDetails byOtherMethod(Credentials credentials, ScopeRequest scope, boolean withCatalog) {
        Authenticated hashed = credentials instanceof Credentials.Token ? null : authenticators.verify(credentials);
        return readOnly.execute(status -> {
            Authenticated who = hashed != null ? hashed : authenticators.verify(credentials);
            ResolvedScope resolved = scopes.resolve(who, scope);
            return assembler.issued(issuer.issue(who, resolved), who, resolved, withCatalog);
        });
    }

    private record PasswordRequest(PasswordAuthenticator.Candidate candidate, ResolvedScope scope,
            ApiException refusal) {
    }

    /**
     * An issued token and where the time went: the password or secret hash check, and everything else
     * (the overhead beyond the hash), reported to clients in a {@code Server-Timing} header.
     */
    public record Authentication(TokenDetails token, long hashNanos, long otherNanos) {
    }

    private AuditRecorded record(Credentials credentials, String userId, String projectId, int status,
            String tokenAuditId, String reason, String clientAddress) {
        return new AuditRecorded(UUID.randomUUID().toString(), clock.instant(), "identity", ACTION,
                status < 400 ? AuditRecorded.SUCCESS : AuditRecorded.FAILURE, status, userId, projectId,
                credentials.method(), "token", tokenAuditId, RequestIds.current(), clientAddress, reason);
    }
}
