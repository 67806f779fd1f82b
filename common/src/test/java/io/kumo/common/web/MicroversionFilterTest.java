package io.kumo.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.error.ErrorFamily;
import io.kumo.common.error.ErrorResponseWriter;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class MicroversionFilterTest {

    private final MicroversionFilter filter = new MicroversionFilter(
            new MicroversionNegotiator("compute", "X-OpenStack-Nova-API-Version", Microversion.parse("2.1"),
                    Microversion.parse("2.1")),
            "/v2.1", new ErrorResponseWriter(ErrorFamily.NOVA, new JsonMapper()));

    @Test
    void echoesTheNegotiatedVersionInBothHeadersWithVary() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v2.1/servers");
        request.addHeader("OpenStack-API-Version", "compute 2.1");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(chain.getRequest().getAttribute(MicroversionFilter.ATTRIBUTE)).isEqualTo(new Microversion(2, 1));
        assertThat(response.getHeader("OpenStack-API-Version")).isEqualTo("compute 2.1");
        assertThat(response.getHeader("X-OpenStack-Nova-API-Version")).isEqualTo("2.1");
        assertThat(response.getHeader("Vary")).isEqualTo("OpenStack-API-Version, X-OpenStack-Nova-API-Version");
    }

    @Test
    void anUnsupportedVersionIs406InNovasShapeAndDiscoveryIsLeftAlone() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v2.1/servers");
        request.addHeader("X-OpenStack-Nova-API-Version", "2.90");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(406);
        assertThat(response.getContentAsString()).contains("notAcceptable").contains("2.90");
        assertThat(chain.getRequest()).isNull();

        MockFilterChain root = new MockFilterChain();
        filter.doFilter(new MockHttpServletRequest("GET", "/"), new MockHttpServletResponse(), root);
        assertThat(root.getRequest()).isNotNull();
    }
}
