package io.kumo.identity.application;

import io.kumo.identity.domain.Credentials;
import io.kumo.identity.domain.LockoutPolicy;
import io.kumo.identity.domain.PasswordHasher;
import io.kumo.identity.persistence.User;
import io.kumo.identity.persistence.UserRepository;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code password} method, with lockout: consecutive failures are counted atomically in the
 * database and lock the account for a while; an unknown user costs the same hash time as a known one,
 * so response times do not reveal which user names exist.
 */
@Component
class PasswordAuthenticator {

    private final Directory directory;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LockoutPolicy lockout;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate independent;
    private final String dummyHash;

    PasswordAuthenticator(Directory directory, UserRepository users, PasswordHasher hasher, LockoutPolicy lockout,
            TransactionTemplate transactions, Clock clock) {
        this.directory = directory;
        this.users = users;
        this.hasher = hasher;
        this.lockout = lockout;
        this.transactions = transactions;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.independent = new TransactionTemplate(transactions.getTransactionManager());
        this.independent.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.dummyHash = hasher.hash("not-a-real-password");
    }

    Authenticated authenticate(Credentials.Password credentials) {
        return verify(credentials, readOnly.execute(status -> lookUp(credentials)));
    }

    /**
     * The user the password is presented for, read in the caller's transaction so that a token request
     * can do all its reading before the hash; {@code null} when no such user exists.
     */
    Candidate lookUp(Credentials.Password credentials) {
        return directory.user(credentials.user())
                .map(u -> new Candidate(u, u.enabled() && directory.domainOf(u).enabled())).orElse(null);
    }

    /** Checks the password against a looked-up candidate (outside any transaction: the hash is slow). */
    Authenticated verify(Credentials.Password credentials, Candidate candidate) {
        User user = candidate == null ? null : candidate.user();
        if (user == null) {
            hasher.matches(credentials.password(), dummyHash);
            throw new AuthenticationFailure(null, "unknown user " + describe(credentials));
        }
        Instant now = clock.instant();
        if (lockout.isLocked(user.lockedUntil(), now)) {
            throw new AuthenticationFailure(user.id(), "account locked",
                    "The account is locked for user: " + user.id() + ".");
        }
        if (user.passwordHash() == null || !hasher.matches(credentials.password(), user.passwordHash())) {
            recordFailure(user, now);
            throw new AuthenticationFailure(user.id(), "wrong password");
        }
        if (!candidate.enabled()) {
            throw new AuthenticationFailure(user.id(), "user or domain disabled");
        }
        if (user.failedLogins() > 0 || user.lockedUntil() != null) {
            transactions.executeWithoutResult(s -> users.clearFailedLogins(user.id()));
        }
        return Authenticated.byPassword(user);
    }

    /** Counts a wrong password towards the lockout (also for password changes, so they cannot be used to guess). */
    void recordFailure(User user, Instant now) {
        if (lockout.applies(user.domainId(), user.name())) {
            // its own transaction: the count must survive the rollback of the refused request
            independent.executeWithoutResult(s ->
                    users.recordFailedLogin(user.id(), lockout.maxFailures(), lockout.lockUntil(now)));
        }
    }

    boolean isLocked(User user, Instant now) {
        return lockout.isLocked(user.lockedUntil(), now);
    }

    /** The user a password was presented for, and whether the user and their domain are enabled. */
    record Candidate(User user, boolean enabled) {
    }

    private static String describe(Credentials.Password credentials) {
        return credentials.user().id() != null ? credentials.user().id() : credentials.user().name();
    }
}
