package io.kumo.identity.application;

import io.kumo.identity.config.IdentityProperties;
import io.kumo.identity.domain.Ids;
import io.kumo.identity.persistence.CatalogService;
import io.kumo.identity.persistence.CatalogServiceRepository;
import io.kumo.identity.persistence.Domain;
import io.kumo.identity.persistence.DomainRepository;
import io.kumo.identity.persistence.Endpoint;
import io.kumo.identity.persistence.EndpointRepository;
import io.kumo.identity.persistence.ImpliedRole;
import io.kumo.identity.persistence.ImpliedRoleRepository;
import io.kumo.identity.persistence.Project;
import io.kumo.identity.persistence.ProjectRepository;
import io.kumo.identity.persistence.Region;
import io.kumo.identity.persistence.RegionRepository;
import io.kumo.identity.persistence.RegisteredLimit;
import io.kumo.identity.persistence.RegisteredLimitRepository;
import io.kumo.identity.persistence.Role;
import io.kumo.identity.persistence.RoleAssignment;
import io.kumo.identity.persistence.RoleAssignmentRepository;
import io.kumo.identity.persistence.RoleRepository;
import io.kumo.identity.persistence.User;
import io.kumo.identity.persistence.UserRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * First-start setup, like {@code keystone-manage bootstrap}, and safe to run on every start: it only
 * creates what is missing and never resets a password an operator has changed.
 */
@Service
public class Bootstrapper {

    private static final Logger log = LoggerFactory.getLogger(Bootstrapper.class);

    /** Kumo's services: catalog type, name, port and path. Block storage is listed under both types. */
    static final List<CatalogDefault> CATALOG = List.of(
            new CatalogDefault("identity", "keystone", 5000, "/v3"),
            new CatalogDefault("compute", "nova", 8774, "/v2.1"),
            new CatalogDefault("network", "neutron", 9696, ""),
            new CatalogDefault("image", "glance", 9292, ""),
            new CatalogDefault("volumev3", "cinderv3", 8776, "/v3/$(project_id)s"),
            new CatalogDefault("block-storage", "cinder", 8776, "/v3/$(project_id)s"),
            new CatalogDefault("placement", "placement", 8778, ""));

    static final List<String> SERVICE_USERS = List.of("kumo-compute", "kumo-network", "kumo-volume", "kumo-image",
            "kumo-scheduler", "kumo-agent");

    /** Default quotas for every project, by catalog type: what Nova, Neutron, Cinder and Glance default to. */
    static final Map<String, Map<String, Integer>> REGISTERED_LIMITS = Map.of(
            "compute", Map.of("servers", 10, "class:VCPU", 20, "class:MEMORY_MB", 51200,
                    "server_key_pairs", 100, "server_groups", 10, "server_group_members", 10,
                    "server_metadata_items", 128),
            "network", Map.of("network", 100, "subnet", 100, "port", 500, "security_group", 10,
                    "security_group_rule", 100),
            "block-storage", Map.of("volumes", 10, "gigabytes", 1000, "snapshots", 10),
            "image", Map.of("image_count_total", 100, "image_size_total", 1000));

    private final IdentityProperties.Bootstrap settings;
    private final Repositories repos;
    private final PasswordService passwords;
    private final Clock clock;

    Bootstrapper(IdentityProperties properties, Repositories repos, PasswordService passwords, Clock clock) {
        this.settings = properties.bootstrap();
        this.repos = repos;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Transactional
    public void run() {
        Domain domain = repos.domains.findById("default")
                .orElseGet(() -> repos.domains.save(new Domain("default", "Default", "The default domain", true,
                        clock.instant())));
        Role admin = role("admin");
        Role member = role("member");
        Role reader = role("reader");
        Role service = role("service");
        implies(admin, member);
        implies(member, reader);
        Project adminProject = project(settings.adminProject(), domain, "Bootstrap project for initializing the cloud.");
        User adminUser = user(settings.adminUser(), domain, adminProject, settings.adminPassword());
        grant(adminUser, RoleAssignment.PROJECT, adminProject.id(), admin);
        grant(adminUser, RoleAssignment.SYSTEM, RoleAssignment.SYSTEM_ALL, admin);
        Project serviceProject = project(settings.serviceProject(), domain, "Service users of the Kumo services.");
        if (!settings.servicePassword().isBlank()) {
            for (String name : SERVICE_USERS) {
                grant(user(name, domain, serviceProject, settings.servicePassword()), RoleAssignment.PROJECT,
                        serviceProject.id(), service);
            }
        }
        if (!settings.demoUser().isBlank()) {
            Project demo = project(settings.demoProject(), domain, "Demo project");
            grant(user(settings.demoUser(), domain, demo, settings.demoPassword()), RoleAssignment.PROJECT, demo.id(),
                    member);
        }
        catalog();
        log.info("Bootstrap complete: domain Default, admin user '{}' in project '{}', region {}",
                settings.adminUser(), settings.adminProject(), settings.region());
    }

    private Role role(String name) {
        return repos.roles.findByName(name).orElseGet(() -> repos.roles.save(new Role(Ids.newId(), name, null)));
    }

    private void implies(Role prior, Role implied) {
        ImpliedRole.Key key = new ImpliedRole.Key(prior.id(), implied.id());
        if (!repos.impliedRoles.existsById(key)) {
            repos.impliedRoles.save(new ImpliedRole(prior.id(), implied.id()));
        }
    }

    private Project project(String name, Domain domain, String description) {
        return repos.projects.findByDomainIdAndName(domain.id(), name).orElseGet(() -> repos.projects.save(
                new Project(Ids.newId(), name, domain.id(), domain.id(), description, true, List.of(), clock.instant())));
    }

    private User user(String name, Domain domain, Project defaultProject, String password) {
        return repos.users.findByDomainIdAndName(domain.id(), name).orElseGet(() -> {
            if (password == null || password.isBlank()) {
                throw new IllegalStateException("Bootstrap needs a password for user '" + name
                        + "': set identity.bootstrap.admin-password (and service-/demo-password).");
            }
            User user = new User(Ids.newId(), name, domain.id(), defaultProject.id(), null, null, true, clock.instant());
            passwords.set(user, password);
            return repos.users.save(user);
        });
    }

    private void grant(User user, String targetType, String targetId, Role role) {
        if (repos.assignments.findByActorTypeAndActorIdAndTargetTypeAndTargetIdAndRoleId(RoleAssignment.USER,
                user.id(), targetType, targetId, role.id()).isEmpty()) {
            repos.assignments.save(new RoleAssignment(RoleAssignment.USER, user.id(), targetType, targetId, role.id()));
        }
    }

    private void catalog() {
        if (!repos.regions.existsById(settings.region())) {
            repos.regions.save(new Region(settings.region(), "", null));
        }
        for (CatalogDefault entry : CATALOG) {
            if (!settings.services().contains(entry.type())) {
                continue;
            }
            CatalogService service = repos.services.findByType(entry.type()).stream().findFirst().orElseGet(() -> {
                CatalogService created = repos.services.save(new CatalogService(Ids.newId(), entry.type(), entry.name(),
                        "Kumo " + entry.type() + " service", true));
                String url = settings.endpointUrls().getOrDefault(entry.type(),
                        settings.publicBase() + ":" + entry.port() + entry.path());
                for (String iface : List.of("public", "internal", "admin")) {
                    repos.endpoints.save(new Endpoint(Ids.newId(), created.id(), iface, settings.region(), url, true));
                }
                return created;
            });
            registeredLimits(service);
        }
    }

    private void registeredLimits(CatalogService service) {
        REGISTERED_LIMITS.getOrDefault(service.type(), Map.of()).forEach((resource, limit) -> {
            if (repos.registeredLimits.findByServiceIdAndRegionIdAndResourceName(service.id(), "", resource).isEmpty()) {
                repos.registeredLimits.save(new RegisteredLimit(Ids.newId(), service.id(), null, resource, limit,
                        "Kumo default"));
            }
        });
    }

    record CatalogDefault(String type, String name, int port, String path) {
    }

    /** The repositories bootstrap writes to, grouped so the bootstrapper's constructor stays small. */
    @org.springframework.stereotype.Component
    static class Repositories {
        final DomainRepository domains;
        final RoleRepository roles;
        final ImpliedRoleRepository impliedRoles;
        final ProjectRepository projects;
        final UserRepository users;
        final RoleAssignmentRepository assignments;
        final RegionRepository regions;
        final CatalogServiceRepository services;
        final EndpointRepository endpoints;
        final RegisteredLimitRepository registeredLimits;

        Repositories(DomainRepository domains, RoleRepository roles, ImpliedRoleRepository impliedRoles,
                ProjectRepository projects, UserRepository users, RoleAssignmentRepository assignments,
                RegionRepository regions, CatalogServiceRepository services, EndpointRepository endpoints,
                RegisteredLimitRepository registeredLimits) {
            this.domains = domains;
            this.roles = roles;
            this.impliedRoles = impliedRoles;
            this.projects = projects;
            this.users = users;
            this.assignments = assignments;
            this.regions = regions;
            this.services = services;
            this.endpoints = endpoints;
            this.registeredLimits = registeredLimits;
        }
    }
}
