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

import io.kumo.dashboard.cloud.AppCredential;
import io.kumo.dashboard.cloud.Choice;
import io.kumo.dashboard.cloud.CloudError;
import io.kumo.dashboard.cloud.KeyPair;
import io.kumo.dashboard.cloud.NetworkRow;
import io.kumo.dashboard.cloud.PortRow;
import io.kumo.dashboard.cloud.SecurityRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Key pairs, networks with security group rules, and API access (application credentials). */
class ProjectPagesTest extends PageTest {

    @Test
    void aGeneratedKeyPairsPrivateKeyIsTheAnswerItselfADownloadNotKept() throws Exception {
        when(keyPairs.create(MEMBER, "ci", "")).thenReturn(new KeyPair("ci", "aa:bb", "ssh-rsa AAAA",
                "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n"));

        mvc.perform(post("/key-pairs").param("name", "ci").param("publicKey", "").with(as(MEMBER)).with(csrf()))
                .andExpect(status().isOk()).andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"ci.pem\"")).andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().string(containsString("BEGIN RSA PRIVATE KEY")));
    }

    @Test
    void anImportedKeyIsListedAndARefusedOneIsShownAtItsField() throws Exception {
        when(keyPairs.create(MEMBER, "laptop", "ssh-ed25519 AAAAC3 me")).thenReturn(new KeyPair("laptop", "cc:dd",
                "ssh-ed25519 AAAAC3 me", null));
        mvc.perform(post("/key-pairs").param("name", "laptop").param("publicKey", "ssh-ed25519 AAAAC3 me")
                .with(as(MEMBER)).with(csrf())).andExpect(redirectedUrl("/key-pairs"));

        when(keyPairs.create(MEMBER, "bad", "not a key")).thenThrow(new CloudError(400, "Keypair data is invalid:"
                + " failed to generate fingerprint"));
        when(keyPairs.list(MEMBER)).thenReturn(List.of(new KeyPair("laptop", "cc:dd", "ssh-ed25519 AAAAC3 me",
                null)));
        mvc.perform(post("/key-pairs").param("name", "bad").param("publicKey", "not a key").with(as(MEMBER))
                .with(csrf())).andExpect(content().string(allOf(containsString(
                        "id=\"publicKey-error\">Keypair data is invalid: failed to generate fingerprint"),
                        containsString(">not a key</textarea>"), containsString("cc:dd"))));
    }

    @Test
    void theNetworksPageListsNetworksAndRulesAndDeletesOnlyTheProjectsOwnNetworks() throws Exception {
        networkPage();

        mvc.perform(get("/networks").with(as(MEMBER))).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("sub1 10.10.0.0/24"), containsString("action=\"/networks/net-1/delete\""),
                not(containsString("action=\"/networks/net-9/delete\"")), containsString("22"),
                containsString("8000–8080"), containsString("group default"), containsString("fa:16:3e:00:00:05"),
                containsString("href=\"/instances/s-1\""), containsString("network:dhcp"))));
    }

    @Test
    void aRefusedSubnetRangeIsShownAtItsFieldAndARulesPortsAreSentAsTyped() throws Exception {
        networkPage();
        when(networks.create(MEMBER, "net2", "10.0.0.0/33")).thenThrow(new CloudError(400, "Invalid input for cidr."
                + " Reason: '10.0.0.0/33' is not a valid IP subnet."));

        mvc.perform(post("/networks").param("name", "net2").param("cidr", "10.0.0.0/33").with(as(MEMBER)).with(csrf()))
                .andExpect(content().string(allOf(containsString("id=\"cidr-error\">Invalid input for cidr."),
                        containsString("value=\"10.0.0.0/33\""), containsString("value=\"net2\""))));
        mvc.perform(post("/security-rules").param("groupId", "sg-1").param("protocol", "tcp").param("port", "80-81")
                .param("remote", "0.0.0.0/0").with(as(MEMBER)).with(csrf())).andExpect(redirectedUrl(
                        "/networks#rules"));

        verify(networks).addRule(MEMBER, "sg-1", "tcp", "80-81", "0.0.0.0/0");
    }

    @Test
    void aNewApplicationCredentialIsShownOnceInsideAReadyCloudsYamlEntry() throws Exception {
        when(identity.createAppCredential(MEMBER, "jenkins", "CI")).thenReturn(new AppCredential("ac-1", "jenkins",
                "CI", null, "s3cr3t-once"));
        when(identity.appCredentials(MEMBER)).thenReturn(List.of(new AppCredential("ac-1", "jenkins", "CI", null,
                null)));

        mvc.perform(post("/api-access/credentials").param("name", "jenkins").param("description", "CI")
                .with(as(MEMBER)).with(csrf())).andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("kumo-jenkins:"), containsString("auth_type: v3applicationcredential"),
                        containsString("auth_url: http://127.0.0.1:5000/v3"),
                        containsString("application_credential_id: &quot;ac-1&quot;"),
                        containsString("application_credential_secret: &quot;s3cr3t-once&quot;"))));
        mvc.perform(get("/api-access").with(as(MEMBER))).andExpect(content().string(allOf(containsString("ac-1"),
                not(containsString("s3cr3t-once")), containsString("http://127.0.0.1:8774/v2.1"))));
    }

    @Test
    void aRefusedCredentialNameIsShownAtTheField() throws Exception {
        when(identity.createAppCredential(eq(MEMBER), eq("jenkins"), any())).thenThrow(new CloudError(409,
                "Conflict occurred attempting to store application_credential - Duplicate name, jenkins."));

        mvc.perform(post("/api-access/credentials").param("name", "jenkins").with(as(MEMBER)).with(csrf()))
                .andExpect(content().string(containsString("id=\"name-error\">Conflict occurred")));
    }

    private void networkPage() {
        when(networks.networks(MEMBER)).thenReturn(List.of(
                new NetworkRow("net-1", "net1", "ACTIVE", false, false, List.of("sub1 10.10.0.0/24"), true),
                new NetworkRow("net-9", "public", "ACTIVE", true, true, List.of("172.24.4.0/24"), false)));
        when(networks.ports(eq(MEMBER), any())).thenReturn(List.of(
                new PortRow("pt-1", "", "net1", List.of("10.10.0.5"), "fa:16:3e:00:00:05", "ACTIVE", "compute:nova",
                        "s-1"),
                new PortRow("pt-2", "", "net1", List.of("10.10.0.2"), "fa:16:3e:00:00:02", "ACTIVE", "network:dhcp",
                        "dhcp-net-1")));
        when(networks.securityGroups(MEMBER)).thenReturn(List.of(new Choice("sg-1", "default")));
        when(networks.securityRules(MEMBER)).thenReturn(List.of(
                new SecurityRule("r-1", "sg-1", "default", "ingress", "IPv4", "tcp", 22, 22, "0.0.0.0/0"),
                new SecurityRule("r-2", "sg-1", "default", "ingress", "IPv4", "tcp", 8000, 8080, "10.0.0.0/8"),
                new SecurityRule("r-3", "sg-1", "default", "ingress", "IPv4", null, null, null, "group default")));
    }
}
