package io.kumo.dashboard.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kumo.dashboard.cloud.Account;
import io.kumo.dashboard.cloud.AuditEvent;
import io.kumo.dashboard.cloud.AuditPage;
import io.kumo.dashboard.cloud.ComputeHost;
import io.kumo.dashboard.cloud.LimitRow;
import io.kumo.dashboard.cloud.RoleAssignment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's pages: hosts (enable/disable), role assignments and the audit log; members are refused. */
class OperatorPagesTest extends PageTest {

    @Test
    void aMemberIsRefusedTheOperatorPagesAndTheirButtons() throws Exception {
        mvc.perform(get("/admin/hosts").with(as(MEMBER))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/hosts/node-1/disable").with(as(MEMBER)).with(csrf())).andExpect(
                status().isForbidden());
        mvc.perform(get("/admin/audit").with(as(MEMBER))).andExpect(status().isForbidden());

        verify(computeAdmin, never()).setEnabled(any(), any(), org.mockito.ArgumentMatchers.anyBoolean(), any());
    }

    @Test
    void theHostsPageShowsEachHostsStateAndUsageAndDisablesWithAReason() throws Exception {
        when(computeAdmin.hosts(ADMIN)).thenReturn(List.of(
                new ComputeHost("node-1", "nova", true, true, null, "qemu", 8, 2, 16384, 4096, 100, 10, 2, "now"),
                new ComputeHost("node-2", "nova", false, false, "disk swap", "runc", 4, 0, 8192, 0, 50, 0, 0, "then")));

        mvc.perform(get("/admin/hosts").with(as(ADMIN))).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("2 / 8"), containsString("width:25%"), containsString("(disk swap)"),
                containsString("action=\"/admin/hosts/node-1/disable\""),
                containsString("action=\"/admin/hosts/node-2/enable\""))));
        mvc.perform(post("/admin/hosts/node-1/disable").param("reason", "maintenance").with(as(ADMIN)).with(csrf()))
                .andExpect(redirectedUrl("/admin/hosts")).andExpect(flash().attribute("notice",
                        "Disabled node-1: no new instances go there."));
        mvc.perform(post("/admin/hosts/node-2/enable").with(as(ADMIN)).with(csrf()));

        verify(computeAdmin).setEnabled(ADMIN, "node-1", false, "maintenance");
        verify(computeAdmin).setEnabled(ADMIN, "node-2", true, null);
    }

    @Test
    void theAccessPageListsRoleAssignmentsAndLimitsWithTheProjectsThatHaveTheirOwn() throws Exception {
        when(identity.roleAssignments(ADMIN)).thenReturn(List.of(new RoleAssignment("alice", "Default", "member",
                "team-a")));
        when(identity.projects(ADMIN)).thenReturn(List.of(new Account("p-a", "team-a", "default", true,
                "the A team")));
        when(identity.users(ADMIN)).thenReturn(List.of(new Account("u-b", "bob", "default", false,
                "bob@example.org")));
        when(identity.limits(ADMIN)).thenReturn(List.of(new LimitRow("compute", "servers", 10, Map.of("team-a",
                25L))));

        mvc.perform(get("/admin/access").with(as(ADMIN))).andExpect(content().string(allOf(containsString("alice"),
                containsString("team-a: 25"), containsString(">servers<"), containsString("the A team"),
                containsString("bob@example.org"), containsString(">no<"))));
    }

    @Test
    void theAuditLogPassesItsFiltersAndPagesOnWithTheLastEventAsMarker() throws Exception {
        when(identity.audit(eq(ADMIN), any(), eq(null), eq(AccessController.AUDIT_PAGE))).thenReturn(new AuditPage(
                List.of(new AuditEvent("ev-9", "2026-11-23T04:00:00Z", "compute", "server.create", "success", 202,
                        "u-demo", "p-demo", "server", "s-1", "req-1", "127.0.0.1")), "ev-9"));

        mvc.perform(get("/admin/audit").param("service", "compute").param("outcome", "success").with(as(ADMIN)))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("server.create"),
                        containsString("value=\"compute\""), containsString("marker=ev-9"),
                        containsString("service=compute"))));

        verify(identity).audit(eq(ADMIN), eq(Map.of("service", "compute", "action", "", "outcome", "success",
                "actor_user_id", "", "actor_project_id", "", "target_id", "", "since", "", "until", "")), eq(null),
                eq(AccessController.AUDIT_PAGE));
    }
}
