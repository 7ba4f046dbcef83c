package io.bedside.web;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.shared.ConflictException;
import io.bedside.shared.ForbiddenException;
import io.bedside.shared.TooManyRequestsException;

/** Test-only endpoints that raise each kind of error, to check the answers they become. */
@RestController
class ProblemProbeController {

    record Probe(@NotBlank String name, @Min(1) int count) {
    }

    @PostMapping("/api/v1/test-probe/echo")
    Probe echo(@Valid @RequestBody Probe probe) {
        return probe;
    }

    @GetMapping("/api/v1/test-probe/number")
    int number(@RequestParam int value) {
        return value;
    }

    @GetMapping("/api/v1/test-probe/forbidden")
    void forbidden() {
        throw new ForbiddenException("Only practice admins may do this.");
    }

    @GetMapping("/api/v1/test-probe/conflict")
    void conflict() {
        throw new ConflictException("Still in flight.");
    }

    @GetMapping("/api/v1/test-probe/slow-down")
    void slowDown() {
        throw new TooManyRequestsException("Slow down.", Duration.ofSeconds(42));
    }

    @GetMapping("/api/v1/test-probe/crash")
    void crash() {
        throw new IllegalStateException("internal detail that must not leak");
    }
}
