/**
 * Who may sign in, and as whom: accounts, password hashing, API tokens, throttling of failed
 * sign-ins, and the security filter chain that turns a bearer token into an
 * {@link io.bedside.shared.Actor}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
        allowedDependencies = { "audit", "crypto", "patient", "practice", "shared", "web" })
package io.bedside.identity;
