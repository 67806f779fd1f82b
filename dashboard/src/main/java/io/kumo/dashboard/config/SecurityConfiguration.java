package io.kumo.dashboard.config;

import io.kumo.dashboard.cloud.CloudError;
import io.kumo.dashboard.cloud.Keystone;
import io.kumo.dashboard.web.SignedIn;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Every page but the login form needs a signed-in session (else a redirect to it); every form carries a CSRF
 * token (a POST without one is a 403); logout is a POST that revokes the user's token in identity-service.
 * The token lives in the server-side session only; the session cookie is HttpOnly and SameSite=Lax
 * (application.yaml). The operator pages ({@code /admin/**}) need the admin role in the current project; the
 * services check it again.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Ahead of Spring Security: see {@link UploadGate}. */
    @Bean
    FilterRegistrationBean<UploadGate> uploadGate() {
        FilterRegistrationBean<UploadGate> registration = new FilterRegistrationBean<>(new UploadGate());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SecurityFilterChain dashboardSecurity(HttpSecurity http, SecurityContextRepository contexts, Keystone keystone)
            throws Exception {
        LogoutHandler revokeToken = (request, response, authentication) -> {
            if (authentication != null) {
                SignedIn.sessionOf(authentication).ifPresent(session -> {
                    try {
                        keystone.revoke(session.token());
                    } catch (CloudError e) {
                        // expired already, or identity-service away: the session ends all the same
                    }
                });
            }
        };
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error",
                                "/actuator/health/**").permitAll()
                        .requestMatchers("/admin/**").hasRole("admin")
                        .anyRequest().authenticated())
                .securityContext(context -> context.securityContextRepository(contexts))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                .logout(logout -> logout.logoutUrl("/logout").addLogoutHandler(revokeToken)
                        .logoutSuccessUrl("/login?logout"))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable());
        return http.build();
    }
}
