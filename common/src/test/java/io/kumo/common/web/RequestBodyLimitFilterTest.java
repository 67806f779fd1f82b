package io.kumo.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.error.ErrorFamily;
import io.kumo.common.error.ErrorResponseWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class RequestBodyLimitFilterTest {

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(16, List.of("/v2/images/*/file"),
            new ErrorResponseWriter(ErrorFamily.KEYSTONE, new JsonMapper()));

    @Test
    void aDeclaredOversizedBodyIs413InTheServiceErrorShape() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v3/projects");
        request.setContent(new byte[17]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("\"code\":413").contains("limit of 16 bytes");
        assertThat(chain.getRequest()).as("the request never reaches the application").isNull();
    }

    @Test
    void aStreamedOversizedBodyFailsWhileBeingRead() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v3/projects") {
            @Override
            public long getContentLengthLong() {
                return -1; // chunked: the length is not declared
            }
        };
        request.setContent(new byte[64]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> req.getInputStream().readAllBytes());
        assertThat(response.getStatus()).isEqualTo(413);
    }

    @Test
    void excludedDataPathsAndSmallBodiesPass() throws Exception {
        MockHttpServletRequest upload = new MockHttpServletRequest("PUT", "/v2/images/abc/file");
        upload.setContent(new byte[1024]);
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(upload, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isNotNull();

        MockHttpServletRequest small = new MockHttpServletRequest("POST", "/v3/projects");
        small.setContent(new byte[8]);
        MockFilterChain smallChain = new MockFilterChain();
        filter.doFilter(small, new MockHttpServletResponse(), smallChain);
        assertThat(smallChain.getRequest()).isNotNull();
    }
}
