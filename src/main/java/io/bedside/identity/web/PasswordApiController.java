package io.bedside.identity.web;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.identity.Passwords;
import io.bedside.identity.SignedInDevices;
import io.bedside.shared.Actor;

/**
 * Passwords and signed-in devices through the API: asking for a reset link (202 whatever the
 * address), changing the password (204), listing the caller's sessions and tokens and ending them.
 */
@RestController
class PasswordApiController {

    record ResetRequest(@NotBlank @Size(max = 320) String email) {
        @Override
        public String toString() {
            return "ResetRequest[***]";
        }
    }

    record ChangeRequest(@Size(max = 1024) String currentPassword, @Size(max = 1024) String newPassword,
            @Size(max = 16) String otp) {
        @Override
        public String toString() {
            return "ChangeRequest[***]";
        }
    }

    record DeviceView(String id, String kind, String device, Instant createdAt, Instant lastUsedAt, boolean current) {
    }

    record DeviceList(List<DeviceView> items) {
    }

    record Ended(int ended) {
    }

    private final Passwords passwords;
    private final SignedInDevices devices;

    PasswordApiController(Passwords passwords, SignedInDevices devices) {
        this.passwords = passwords;
        this.devices = devices;
    }

    /** 202 for every well-formed request, known address or not; the email goes out afterwards. */
    @PostMapping("/api/v1/auth/password-reset")
    ResponseEntity<Void> requestReset(@Valid @RequestBody ResetRequest body, HttpServletRequest request)
            throws InterruptedException {
        SameTiming.answer(() -> passwords.requestReset(body.email(), request.getRemoteAddr()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }

    /** 204 once changed; every other session and token of the account ends, this token stays. */
    @PostMapping("/api/v1/me/password")
    ResponseEntity<Void> change(@AuthenticationPrincipal Actor actor, @Valid @RequestBody ChangeRequest body,
            HttpServletRequest request) {
        passwords.change(actor, CurrentSignIns.of(request), body.currentPassword(), body.newPassword(), body.otp(),
                request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/me/sessions")
    DeviceList sessions(@AuthenticationPrincipal Actor actor, HttpServletRequest request) {
        return new DeviceList(devices.list(actor, CurrentSignIns.of(request)).stream()
                .map(d -> new DeviceView(d.id().toString(), d.kind() == SignedInDevices.Device.Kind.BROWSER
                        ? "browser" : "api-token", d.name(), d.createdAt(), d.lastUsedAt(), d.current()))
                .toList());
    }

    @DeleteMapping("/api/v1/me/sessions/{id}")
    ResponseEntity<Void> end(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        devices.end(actor, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/me/sessions/end-others")
    Ended endOthers(@AuthenticationPrincipal Actor actor, HttpServletRequest request) {
        return new Ended(devices.endOthers(actor, CurrentSignIns.of(request)));
    }
}
