package io.bedside.identity.internal;

import java.time.Duration;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSessionListener;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

import io.bedside.audit.AuditTrail;
import io.bedside.web.ProblemResponses;
import io.bedside.web.Problems;
import io.bedside.web.RequestPaths;

/**
 * The API is authenticated by bearer tokens only, so it needs no session and no CSRF token
 * (a browser never sends a bearer token by itself). Everything under {@code /api} needs a signed-in
 * caller except asking for a token; what a caller may do beyond that is decided in the services.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    /**
     * Requests for the API proper: under /api, except an event stream opened by the browser with
     * its session cookie (no Authorization header), which the page chain serves.
     */
    private static boolean isApiRequest(HttpServletRequest request) {
        String path = RequestPaths.of(request);
        if (!path.startsWith("/api/")) {
            return false;
        }
        boolean browserEventStream = path.equals("/api/v1/events") && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getSession(false) != null;
        return !browserEventStream;
    }

    /**
     * No observation around each security filter: on the send path it cost more than the request's
     * own work. Requests are still timed as a whole (http.server.requests).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SessionPolicy sessionPolicy(@Value("${bedside.web.session.patient-idle:30m}") Duration patientIdle,
            @Value("${bedside.web.session.staff-idle:15m}") Duration staffIdle,
            @Value("${bedside.web.session.absolute:12h}") Duration absolute, SessionRegistry registry) {
        return new SessionPolicy(patientIdle, staffIdle, absolute, registry);
    }

    /** Sessions that end in the container (sign-out, expiry) end in the session registry too. */
    @Bean
    HttpSessionListener sessionRegistryListener(SessionPolicy sessions) {
        return sessions.endInRegistry();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, Families families, ProblemResponses problems)
            throws Exception {
        http.securityMatcher(SecurityConfiguration::isApiRequest)
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .addFilterBefore(new BearerTokenFilter(tokens, families, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        // The second dispatch of an event stream or an error page: the first was checked.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/password-reset").permitAll()
                        // The SMS gateway's webhook: proven by its signature, not by a sign-in (notification's InboundTexts).
                        .requestMatchers(HttpMethod.POST, "/api/v1/sms/inbound").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            problems.write(response, Problems.unauthorized());
                        })
                        .accessDeniedHandler((request, response, ex) ->
                                problems.write(response, Problems.forbidden("You are not allowed to do this."))));
        return http.build();
    }

    /**
     * Pages: a session cookie (HttpOnly, SameSite=Lax, Secure outside demo mode) after a form
     * sign-in, CSRF tokens on every form, and strict content security: scripts only from Bedside.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http, PasswordAuthenticationProvider passwords,
            SessionPolicy sessions, ProblemResponses problems, TwoStep twoStep, PatientLanguage language,
            Families families, PasskeyRelyingParty party, Webauthn4JRelyingPartyOperations passkeyOperations,
            PasskeyRows passkeyRows, UserAccounts accounts, AuditTrail audit) throws Exception {
        TwoStepGate gate = new TwoStepGate(twoStep);
        // Spring Security's WebAuthn asks for one; Bedside's own passkey sign-in never uses it.
        http.setSharedObject(UserDetailsService.class, username -> {
            throw new UsernameNotFoundException("passkeys sign in through PasskeySignIn");
        });
        var saved = new SavedRequestAwareAuthenticationSuccessHandler();
        saved.setDefaultTargetUrl("/app");
        http.authenticationProvider(passwords)
                .addFilterBefore(sessions.timeouts(), SecurityContextHolderFilter.class)
                .addFilterAfter(gate.filter(problems), SecurityContextHolderFilter.class)
                .addFilterBefore(new FamilyScope(families, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/", "/login", "/login/link", "/forgot-password", "/reset-password/*", "/accessibility", "/invite/*", "/welcome/*", "/signin/*", "/email-change/*", "/unsubscribe/*", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/manifest.webmanifest", "/sw.js", "/offline.html",
                                "/actuator/health", "/actuator/health/**", "/error", "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        // Passkeys are removed from the settings page only (audited, told by email).
                        .requestMatchers(HttpMethod.DELETE, "/webauthn/register/*").denyAll()
                        .anyRequest().authenticated())
                .webAuthn(w -> w.rpName("Bedside").rpId(party.rpId()).allowedOrigins(party.origins())
                        .disableDefaultRegistrationPage(true)
                        .withObjectPostProcessor(passkeySignIn(http,
                                new PasskeySignIn(passkeyOperations, passkeyRows, accounts, families),
                                new PasskeySignedIn(sessions, language, audit))))
                .formLogin(f -> f.loginPage("/login").loginProcessingUrl("/login")
                        .usernameParameter("email").passwordParameter("password")
                        .successHandler(language.then(gate.onSignIn(sessions, saved)))
                        .failureHandler((request, response, ex) -> response.sendRedirect(
                                ex instanceof PasswordAuthenticationProvider.ThrottledException throttled
                                        ? throttled.page() : "/login?error")))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                // One-click unsubscribe (RFC 8058) is a POST from a mail program: no session, no token.
                // It only turns notices off, for whoever the link's key belongs to.
                .csrf(c -> c.ignoringRequestMatchers("/unsubscribe/*"))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor((request, response, ex) -> {
                    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                    problems.write(response, Problems.unauthorized());
                }, RequestPaths::isApi))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
                                + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'"))
                        .referrerPolicy(r -> r.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /**
     * Passkey sign-in ends in Bedside's own session: the account's {@link io.bedside.shared.Actor}
     * (not Spring Security's WebAuthn principal), a new session id and CSRF token as after a
     * password, and the same session start.
     */
    private static ObjectPostProcessor<WebAuthnAuthenticationFilter> passkeySignIn(HttpSecurity http,
            PasskeySignIn signIn, PasskeySignedIn then) {
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationManager(new ProviderManager(signIn));
                filter.setAuthenticationSuccessHandler(then);
                SessionAuthenticationStrategy fixation = http.getSharedObject(SessionAuthenticationStrategy.class);
                if (fixation != null) {
                    filter.setSessionAuthenticationStrategy(fixation);
                }
                return filter;
            }
        };
    }
}
