package io.kumo.identity.application;

import io.kumo.identity.domain.Credentials;
import io.kumo.identity.domain.PasswordHasher;
import io.kumo.identity.persistence.ApplicationCredential;
import io.kumo.identity.persistence.ApplicationCredentialRepository;
import io.kumo.identity.persistence.User;
import io.kumo.identity.persistence.UserRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The {@code application_credential} method (what Jenkins uses): a secret bound to one user, one
 * project and a subset of roles; the token can never be wider than that, nor outlive the credential.
 */
@Component
class ApplicationCredentialAuthenticator {

    private final ApplicationCredentialRepository credentials;
    private final UserRepository users;
    private final Directory directory;
    private final PasswordHasher hasher;
    private final Clock clock;

    ApplicationCredentialAuthenticator(ApplicationCredentialRepository credentials, UserRepository users,
            Directory directory, PasswordHasher hasher, Clock clock) {
        this.credentials = credentials;
        this.users = users;
        this.directory = directory;
        this.hasher = hasher;
        this.clock = clock;
    }

    Authenticated authenticate(Credentials.ApplicationCredential presented) {
        ApplicationCredential credential = find(presented)
                .orElseThrow(() -> new AuthenticationFailure(null, "unknown application credential"));
        if (credential.expiredAt(clock.instant())) {
            throw new AuthenticationFailure(credential.userId(), "application credential expired");
        }
        if (presented.secret() == null || !hasher.matches(presented.secret(), credential.secretHash())) {
            throw new AuthenticationFailure(credential.userId(), "wrong application credential secret");
        }
        User user = users.findById(credential.userId())
                .filter(u -> u.enabled() && directory.domainOf(u).enabled())
                .orElseThrow(() -> new AuthenticationFailure(credential.userId(), "user gone or disabled"));
        return new Authenticated(user, List.of("application_credential"), credential.expiresAt(), null, credential);
    }

    private Optional<ApplicationCredential> find(Credentials.ApplicationCredential presented) {
        if (presented.id() != null) {
            return credentials.findById(presented.id());
        }
        if (presented.name() == null || presented.user() == null) {
            return Optional.empty();
        }
        return directory.user(presented.user()).flatMap(u -> credentials.findByUserIdAndName(u.id(), presented.name()));
    }
}
