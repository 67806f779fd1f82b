package io.kumo.common.config;

import io.kumo.common.audit.AuditRecords;
import io.kumo.common.audit.AuditSink;
import io.kumo.common.audit.MutatingCallAuditor;
import io.kumo.common.auth.CallerArgumentResolver;
import io.kumo.common.auth.TokenAuthenticationFilter;
import io.kumo.common.auth.TokenValidator;
import io.kumo.common.error.ApiExceptionHandler;
import io.kumo.common.error.ErrorResponseWriter;
import io.kumo.common.web.PublicUrls;
import io.kumo.common.web.RequestBodyLimitFilter;
import io.kumo.common.web.RequestIdFilter;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** The OpenStack API conventions every Kumo service gets: request ids, errors, body limits, token auth, audit. */
@AutoConfiguration(after = KumoTokenValidatorAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(KumoProperties.class)
public class KumoWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ErrorResponseWriter errorResponseWriter(KumoProperties properties, ObjectProvider<JsonMapper> json) {
        return new ErrorResponseWriter(properties.api().errorFamily(), json.getIfAvailable(JsonMapper::new));
    }

    @Bean
    ApiExceptionHandler apiExceptionHandler(ErrorResponseWriter writer) {
        return new ApiExceptionHandler(writer);
    }

    @Bean
    PublicUrls publicUrls(KumoProperties properties) {
        return new PublicUrls(properties.api().publicUrl());
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(KumoProperties properties,
            ErrorResponseWriter writer) {
        List<String> exclusions = properties.api().bodyLimitExclusions().stream().filter(p -> !p.isBlank()).toList();
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(properties.api().maxBodyBytes(), exclusions, writer));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<TokenAuthenticationFilter> tokenAuthenticationFilter(ObjectProvider<TokenValidator> validator,
            ErrorResponseWriter writer, ObjectProvider<AuditSink> auditSink, ObjectProvider<Clock> clock,
            KumoProperties properties) {
        TokenValidator available = validator.getIfAvailable();
        AuditSink sink = auditSink.getIfAvailable();
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        TokenAuthenticationFilter.RejectionAudit audit = sink == null ? null : (request, reason) -> sink.record(
                AuditRecords.of(properties.serviceName(), time, request, null,
                        request.getMethod() + " " + request.getRequestURI(), 401, null, null, "rejected token: " + reason));
        FilterRegistrationBean<TokenAuthenticationFilter> registration = new FilterRegistrationBean<>(
                new TokenAuthenticationFilter(available, writer, audit));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.setEnabled(available != null);
        return registration;
    }

    @Bean
    WebMvcConfigurer kumoWebMvcConfigurer(KumoProperties properties, ObjectProvider<AuditSink> auditSink,
            ObjectProvider<Clock> clock, ObjectProvider<AuditExclusions> exclusions) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }

            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                AuditSink sink = auditSink.getIfAvailable();
                if (sink != null) {
                    registry.addInterceptor(new MutatingCallAuditor(properties.serviceName(), sink,
                            clock.getIfAvailable(Clock::systemUTC),
                            exclusions.getIfAvailable(() -> new AuditExclusions(List.of())).patterns()));
                }
            }
        };
    }

    /** Path patterns a service audits itself (identity's authentication) rather than per call. */
    public record AuditExclusions(List<String> patterns) {
    }
}
