package io.kumo.dashboard.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.kumo.dashboard.cloud.CloudError;
import io.kumo.dashboard.cloud.Quota;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The overview's quota bars, service by service; one out of reach does not take the page down. */
class OverviewPageTest extends PageTest {

    @Test
    void eachServicesQuotasAreBarsAndOneOutOfReachIsSaidToBeUnavailable() throws Exception {
        when(compute.quotas(MEMBER)).thenReturn(List.of(new Quota("Instances", 3, 10, ""),
                new Quota("RAM", 1536, 51200, "MiB")));
        when(volumes.quotas(MEMBER)).thenThrow(new CloudError(0, "volumev3 cannot be reached"));
        when(networks.quotas(MEMBER)).thenReturn(List.of(new Quota("Ports", 50, 50, "")));

        mvc.perform(get("/").with(as(MEMBER))).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Instances"), containsString("width:30%"), containsString("Volumes is unavailable"
                        + " right now."), containsString("Ports"), containsString("full"))));
    }

    @Test
    void aTokenThatExpiredEndsTheSessionInsteadOfFillingThePageWithRefusals() throws Exception {
        when(compute.quotas(MEMBER)).thenThrow(new CloudError(401, "The request you have made requires"
                + " authentication."));

        mvc.perform(get("/").with(as(MEMBER))).andExpect(redirectedUrl("/login"));
    }

    @Test
    void logoutEndsTheSessionEvenWhenTheTokenCannotBeRevoked() throws Exception {
        doThrow(new CloudError(401, "The request you have made requires authentication.")).when(keystone)
                .revoke("token-demo");

        mvc.perform(post("/logout").session(signedIn(MEMBER)).with(csrf())).andExpect(redirectedUrl(
                "/login?logout"));
    }

    @Test
    void aVisitorWithoutASessionIsSentToTheLoginForm() throws Exception {
        mvc.perform(get("/volumes")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(
                "/login"));
    }
}
