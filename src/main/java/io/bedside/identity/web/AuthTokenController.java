package io.bedside.identity.web;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.CurrentSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.identity.IssuedToken;
import io.bedside.identity.internal.ActorAuthentication;
import io.bedside.identity.internal.PasswordSignIn;

/** {@code POST /api/v1/auth/token} signs in; {@code DELETE} revokes the token in use. */
@RestController
class AuthTokenController {

    record TokenRequest(
            @NotBlank @Size(max = 320) String username,
            // Longer than any password we accept, so a long guess is refused as wrong, not as invalid.
            @NotBlank @Size(max = 1024) String password,
            @Size(max = 16) String otp) {

        @Override
        public String toString() {
            return "TokenRequest[***]";
        }
    }

    record TokenResponse(String token, Instant expiresAt) {

        @Override
        public String toString() {
            return "TokenResponse[expiresAt=" + expiresAt + "]";
        }
    }

    private final PasswordSignIn signIn;

    AuthTokenController(PasswordSignIn signIn) {
        this.signIn = signIn;
    }

    @PostMapping("/api/v1/auth/token")
    TokenResponse issue(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        IssuedToken issued = signIn.signIn(request.username(), request.password(), request.otp(),
                http.getRemoteAddr(), http.getHeader(HttpHeaders.USER_AGENT));
        return new TokenResponse(issued.token(), issued.expiresAt());
    }

    @DeleteMapping("/api/v1/auth/token")
    ResponseEntity<Void> revoke(@CurrentSecurityContext SecurityContext context) {
        if (context.getAuthentication() instanceof ActorAuthentication authentication) {
            signIn.signOut(authentication.tokenId());
        }
        return ResponseEntity.noContent().build();
    }
}
