package io.kumo.common.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The base URL clients used to reach this service, for absolute links in discovery documents and
 * resources. A configured public URL wins (a service behind a load balancer); otherwise the request's
 * own scheme, host and port.
 */
public class PublicUrls {

    private final String configuredBase;

    public PublicUrls(String configuredBase) {
        this.configuredBase = configuredBase == null || configuredBase.isBlank() ? null : stripSlash(configuredBase);
    }

    public String base(HttpServletRequest request) {
        if (configuredBase != null) {
            return configuredBase;
        }
        StringBuilder url = new StringBuilder().append(request.getScheme()).append("://").append(request.getServerName());
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(request.getScheme()) && port == 80)
                || ("https".equals(request.getScheme()) && port == 443);
        if (!defaultPort) {
            url.append(':').append(port);
        }
        return url.toString();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
