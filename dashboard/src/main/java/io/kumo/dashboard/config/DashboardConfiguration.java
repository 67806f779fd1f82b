package io.kumo.dashboard.config;

import io.kumo.dashboard.cloud.CloudApi;
import io.kumo.dashboard.cloud.Keystone;
import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    @Bean
    RestClient cloudRestClient(DashboardProperties properties) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.clientTimeout()).build());
        factory.setReadTimeout(properties.clientTimeout());
        return RestClient.builder().requestFactory(factory).build();
    }

    @Bean
    Keystone keystone(RestClient cloudRestClient, DashboardProperties properties) {
        return new Keystone(cloudRestClient, properties.identityUrl());
    }

    @Bean
    CloudApi cloudApi(RestClient cloudRestClient) {
        return new CloudApi(cloudRestClient);
    }
}
