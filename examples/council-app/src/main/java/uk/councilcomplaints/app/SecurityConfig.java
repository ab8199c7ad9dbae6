package uk.councilcomplaints.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/** Form sign-in with CSRF protection, hashed passwords from the configuration, and each page's roles. */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        String contact = Role.CONTACT_CENTRE.name();
        String officer = Role.OFFICER.name();
        String manager = Role.MANAGER.name();
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/assets/**", "/css/**", "/webjars/**", "/login", "/error",
                                "/actuator/health").permitAll()
                        .requestMatchers("/contacts/**").hasAnyRole(contact, officer, manager)
                        .requestMatchers("/triage/**").hasAnyRole(contact, officer, manager)
                        .requestMatchers(HttpMethod.POST, "/cases/*/triage").hasAnyRole(contact, officer, manager)
                        .requestMatchers("/cases/**", "/my-cases/**").hasAnyRole(officer, manager)
                        .requestMatchers("/reports/**", "/access-log/**").hasRole(manager)
                        .requestMatchers("/").authenticated()
                        .anyRequest().denyAll())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signed-out"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                + "frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(AppProperties properties) {
        List<UserDetails> users = new ArrayList<>();
        for (Map.Entry<String, AppProperties.User> e : properties.getUsers().entrySet()) {
            AppProperties.User u = e.getValue();
            if (u.getPassword() == null || !u.getPassword().startsWith("{")) {
                throw new IllegalArgumentException("council-app.users[" + e.getKey()
                        + "].password must be a hash with its encoder, such as {bcrypt}$2a$10$...");
            }
            users.add(User.withUsername(e.getKey()).password(u.getPassword())
                    .authorities(u.getRoles().stream().map(Role::authority).toArray(String[]::new)).build());
        }
        return new InMemoryUserDetailsManager(users);
    }
}
