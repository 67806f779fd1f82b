package io.kumo.identity.application;

import io.kumo.common.error.ApiException;
import io.kumo.identity.domain.PasswordHasher;
import io.kumo.identity.domain.PasswordPolicy;
import io.kumo.identity.persistence.User;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** Checks a new password against the policy and stores only its hash. */
@Component
class PasswordService {

    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final Clock clock;

    PasswordService(PasswordPolicy policy, PasswordHasher hasher, Clock clock) {
        this.policy = policy;
        this.hasher = hasher;
        this.clock = clock;
    }

    void set(User user, String password) {
        List<String> violations = policy.violations(user.name(), password);
        if (!violations.isEmpty()) {
            throw ApiException.badRequest("Password does not meet the requirements: " + String.join("; ", violations) + ".");
        }
        user.changePassword(hasher.hash(password), clock.instant());
    }

    boolean matches(String password, String hash) {
        return hasher.matches(password, hash);
    }
}
