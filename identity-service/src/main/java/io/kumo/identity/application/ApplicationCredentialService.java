package io.kumo.identity.application;

import io.kumo.common.auth.Caller;
import io.kumo.common.auth.Policy;
import io.kumo.common.auth.RoleRef;
import io.kumo.common.error.ApiException;
import io.kumo.identity.domain.Ids;
import io.kumo.identity.domain.PasswordHasher;
import io.kumo.identity.domain.PasswordPolicy;
import io.kumo.identity.persistence.ApplicationCredential;
import io.kumo.identity.persistence.ApplicationCredentialRepository;
import io.kumo.identity.persistence.RoleRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Application credentials: a user delegates some of the roles of their current project-scoped token
 * to a program. The secret is shown once and stored hashed; deleting the credential revokes its tokens.
 */
@Service
public class ApplicationCredentialService {

    private final ApplicationCredentialRepository credentials;
    private final RoleRepository roles;
    private final PasswordHasher hasher;
    private final RevocationService revocations;
    private final Clock clock;

    ApplicationCredentialService(ApplicationCredentialRepository credentials, RoleRepository roles,
            PasswordHasher hasher, RevocationService revocations, Clock clock) {
        this.credentials = credentials;
        this.roles = roles;
        this.hasher = hasher;
        this.revocations = revocations;
        this.clock = clock;
    }

    @Transactional
    public Created create(Caller caller, String userId, Draft draft) {
        if (!caller.userId().equals(userId)) {
            throw ApiException.forbidden("Application credentials can only be created by their own user.");
        }
        if (caller.projectId() == null) {
            throw ApiException.forbidden("Application credentials must be created with a project-scoped token.");
        }
        requireNotRestricted(caller);
        Names.require(draft.name(), "application credential", 255);
        if (credentials.findByUserIdAndName(userId, draft.name()).isPresent()) {
            throw ApiException.conflict("Conflict occurred attempting to store application_credential - "
                    + "Duplicate entry found with name " + draft.name() + ".");
        }
        Instant now = clock.instant();
        if (draft.expiresAt() != null && !draft.expiresAt().isAfter(now)) {
            throw ApiException.badRequest("Invalid input for field 'expires_at': it must be in the future.");
        }
        String secret = draft.secret() == null || draft.secret().isBlank() ? Ids.newSecret() : draft.secret();
        if (secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > PasswordPolicy.MAX_HASHED_BYTES) {
            throw ApiException.badRequest("Invalid input for field 'secret': at most "
                    + PasswordPolicy.MAX_HASHED_BYTES + " bytes.");
        }
        ApplicationCredential credential = credentials.save(new ApplicationCredential(Ids.newId(), draft.name(), userId,
                caller.projectId(), draft.description(), hasher.hash(secret), draft.expiresAt(), draft.unrestricted(),
                delegatedRoles(caller, draft.roles()), now));
        return new Created(credential, secret);
    }

    @Transactional(readOnly = true)
    public List<ApplicationCredential> list(Caller caller, String userId, String name) {
        requireOwnerOrAdmin(caller, userId);
        return credentials.findByUserId(userId).stream().filter(c -> name == null || c.name().equals(name)).toList();
    }

    @Transactional(readOnly = true)
    public ApplicationCredential get(Caller caller, String userId, String id) {
        requireOwnerOrAdmin(caller, userId);
        return credentials.findById(id).filter(c -> c.userId().equals(userId))
                .orElseThrow(() -> ApiException.notFound("application credential", id));
    }

    @Transactional
    public void delete(Caller caller, String userId, String id) {
        requireNotRestricted(caller);
        ApplicationCredential credential = get(caller, userId, id);
        credentials.delete(credential);
        revocations.revokeApplicationCredential(id);
    }

    /** The requested roles (by id or name), each of which the caller's token must carry; none = all of them. */
    private Set<String> delegatedRoles(Caller caller, List<RoleRef> requested) {
        Set<String> held = new LinkedHashSet<>();
        caller.token().roles().forEach(r -> held.add(r.id()));
        if (requested == null || requested.isEmpty()) {
            return held;
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (RoleRef ref : requested) {
            String id = ref.id() != null ? ref.id()
                    : roles.findByName(ref.name()).map(r -> r.id())
                            .orElseThrow(() -> ApiException.notFound("role", ref.name()));
            if (!held.contains(id)) {
                throw ApiException.forbidden("Cannot delegate role " + (ref.name() != null ? ref.name() : id)
                        + ": your token does not carry it.");
            }
            chosen.add(id);
        }
        return chosen;
    }

    /** A leaked restricted credential (the default) must not be able to mint or delete credentials. */
    private void requireNotRestricted(Caller caller) {
        String used = caller.token().applicationCredentialId();
        if (used != null && !credentials.findById(used).map(ApplicationCredential::unrestricted).orElse(false)) {
            throw ApiException.forbidden("A restricted application credential cannot create or delete "
                    + "application credentials; use an unrestricted one or a password.");
        }
    }

    private static void requireOwnerOrAdmin(Caller caller, String userId) {
        if (!caller.userId().equals(userId) && !Policy.isAdmin(caller)) {
            throw ApiException.notFound("user", userId);
        }
    }

    public record Draft(String name, String description, String secret, Instant expiresAt, boolean unrestricted,
            List<RoleRef> roles) {

        @Override
        public String toString() {
            return "Draft[name=" + name + "]";
        }
    }

    public record Created(ApplicationCredential credential, String secret) {

        @Override
        public String toString() {
            return "Created[" + credential.id() + "]";
        }
    }
}
