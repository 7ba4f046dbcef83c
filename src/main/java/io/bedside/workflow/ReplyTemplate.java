package io.bedside.workflow;

import java.time.Instant;

import io.bedside.shared.UserId;

/** A quick-reply template: practice-wide when it has no owner, else one member of staff's own. */
public record ReplyTemplate(TemplateId id, String name, String body, UserId ownerId, Instant updatedAt) {

    public boolean practiceWide() {
        return ownerId == null;
    }
}
