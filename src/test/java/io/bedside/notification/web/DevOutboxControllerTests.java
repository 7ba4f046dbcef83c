package io.bedside.notification.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.bedside.shared.NotFoundException;

/** Outside demo mode the dev outbox does not exist: not found, and the mailbox is never read. */
class DevOutboxControllerTests {

    @Test
    void outsideDemoModeTheDevOutboxIsNotFound() {
        DevOutboxController controller = new DevOutboxController(null, false);
        assertThatThrownBy(() -> controller.outbox(null)).isInstanceOf(NotFoundException.class);
    }
}
