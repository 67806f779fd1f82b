package io.kumo.identity.application;

import io.kumo.common.error.ApiException;
import io.kumo.identity.domain.Ids;
import io.kumo.identity.persistence.RoleAssignment;
import io.kumo.identity.persistence.RoleAssignmentRepository;
import io.kumo.identity.persistence.User;
import io.kumo.identity.persistence.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users: create, update, password changes (which revoke the user's tokens), delete. */
@Service
public class UserService {

    private final UserRepository users;
    private final Directory directory;
    private final RoleAssignmentRepository assignments;
    private final PasswordService passwords;
    private final PasswordAuthenticator passwordAuthenticator;
    private final RevocationService revocations;
    private final Clock clock;

    UserService(UserRepository users, Directory directory, RoleAssignmentRepository assignments,
            PasswordService passwords, PasswordAuthenticator passwordAuthenticator, RevocationService revocations,
            Clock clock) {
        this.users = users;
        this.directory = directory;
        this.assignments = assignments;
        this.passwords = passwords;
        this.passwordAuthenticator = passwordAuthenticator;
        this.revocations = revocations;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<User> list(String domainId, String name, Boolean enabled) {
        return users.findAll().stream()
                .filter(u -> domainId == null || u.domainId().equals(domainId))
                .filter(u -> name == null || u.name().equals(name))
                .filter(u -> enabled == null || u.enabled() == enabled)
                .toList();
    }

    @Transactional(readOnly = true)
    public User get(String id) {
        return directory.requireUser(id);
    }

    @Transactional
    public User create(UserDraft draft) {
        Names.require(draft.name(), "user", 255);
        String domainId = draft.domainId() == null ? "default" : draft.domainId();
        directory.requireDomain(domainId);
        if (draft.defaultProjectId() != null) {
            directory.requireProject(draft.defaultProjectId());
        }
        if (users.findByDomainIdAndName(domainId, draft.name()).isPresent()) {
            throw ApiException.conflict("Conflict occurred attempting to store user - Duplicate entry found with name "
                    + draft.name() + " at domain ID " + domainId + ".");
        }
        User user = new User(Ids.newId(), draft.name(), domainId, draft.defaultProjectId(), draft.description(),
                draft.email(), draft.enabled() == null || draft.enabled(), clock.instant());
        if (draft.password() != null) {
            passwords.set(user, draft.password());
        }
        return users.save(user);
    }

    @Transactional
    public User update(String id, UserDraft changes) {
        User user = get(id);
        if (changes.name() != null) {
            Names.require(changes.name(), "user", 255);
            users.findByDomainIdAndName(user.domainId(), changes.name()).filter(other -> !other.id().equals(id))
                    .ifPresent(other -> {
                        throw ApiException.conflict("Conflict occurred attempting to store user - Duplicate entry "
                                + "found with name " + changes.name() + ".");
                    });
        }
        if (changes.defaultProjectId() != null) {
            directory.requireProject(changes.defaultProjectId());
        }
        boolean disabling = Boolean.FALSE.equals(changes.enabled()) && user.enabled();
        user.update(changes.name(), changes.defaultProjectId(), changes.description(), changes.email(), changes.enabled());
        if (changes.password() != null) {
            passwords.set(user, changes.password());
        }
        if (disabling || changes.password() != null) {
            revocations.revokeUser(id);
        }
        return user;
    }

    /** {@code POST /v3/users/{id}/password}: the user proves the old password to set a new one. */
    @Transactional
    public void changeOwnPassword(String id, String originalPassword, String newPassword) {
        User user = get(id);
        Instant now = clock.instant();
        if (passwordAuthenticator.isLocked(user, now)) {
            throw ApiException.unauthorized("The account is locked for user: " + id + ".");
        }
        if (originalPassword == null || user.passwordHash() == null
                || !passwords.matches(originalPassword, user.passwordHash())) {
            passwordAuthenticator.recordFailure(user, now);
            throw ApiException.unauthorized("The original password given is not correct.");
        }
        passwords.set(user, newPassword);
        revocations.revokeUser(id);
    }

    @Transactional
    public void delete(String id) {
        User user = get(id);
        assignments.deleteByActorTypeAndActorId(RoleAssignment.USER, id);
        users.delete(user);
        revocations.revokeUser(id);
    }

    /** User fields as given in a create or update request; null means "not given". */
    public record UserDraft(String name, String domainId, String defaultProjectId, String description, String email,
            Boolean enabled, String password) {

        @Override
        public String toString() {
            return "UserDraft[name=" + name + ", domainId=" + domainId + "]";
        }
    }
}
