package io.kumo.dashboard.config;

import io.kumo.dashboard.cloud.CloudCalls;
import io.kumo.dashboard.cloud.Compute;
import io.kumo.dashboard.cloud.ComputeAdmin;
import io.kumo.dashboard.cloud.Identity;
import io.kumo.dashboard.cloud.Images;
import io.kumo.dashboard.cloud.KeyPairs;
import io.kumo.dashboard.cloud.Keystone;
import io.kumo.dashboard.cloud.Networks;
import io.kumo.dashboard.cloud.Volumes;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    @Bean
    RestClient cloudRestClient(DashboardProperties properties) {
        return restClient(properties.clientTimeout(), properties.clientTimeout());
    }

    @Bean
    Keystone keystone(RestClient cloudRestClient, DashboardProperties properties) {
        return new Keystone(cloudRestClient, properties.identityUrl());
    }

    @Bean
    CloudCalls cloudCalls(RestClient cloudRestClient, DashboardProperties properties) {
        return new CloudCalls(cloudRestClient, restClient(properties.clientTimeout(), properties.uploadTimeout()));
    }

    @Bean
    Compute compute(CloudCalls calls) {
        return new Compute(calls);
    }

    @Bean
    ComputeAdmin computeAdmin(CloudCalls calls) {
        return new ComputeAdmin(calls);
    }

    @Bean
    KeyPairs keyPairs(CloudCalls calls) {
        return new KeyPairs(calls);
    }

    @Bean
    Volumes volumes(CloudCalls calls) {
        return new Volumes(calls);
    }

    @Bean
    Networks networks(CloudCalls calls) {
        return new Networks(calls);
    }

    @Bean
    Images images(CloudCalls calls) {
        return new Images(calls);
    }

    @Bean
    Identity identity(CloudCalls calls) {
        return new Identity(calls);
    }

    private static RestClient restClient(Duration connect, Duration answer) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(connect).build());
        factory.setReadTimeout(answer);
        return RestClient.builder().requestFactory(factory).build();
    }
}
