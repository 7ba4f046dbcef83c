package io.bedside.messaging.internal;

import org.springframework.stereotype.Component;

import io.bedside.shared.InvalidRequestException;

/** The configured limits of a subject and a message body, checked before anything is stored. */
@Component
class MessageLimits {

    private final MessagingProperties properties;

    MessageLimits(MessagingProperties properties) {
        this.properties = properties;
    }

    String checkedBody(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("body", "The message must not be empty.");
        }
        if (body.length() > properties.maxBodyCharacters()) {
            throw new InvalidRequestException("body",
                    "The message is too long: at most " + properties.maxBodyCharacters() + " characters.");
        }
        return body;
    }

    String checkedSubject(String subject) {
        if (subject == null || subject.isBlank()) {
            throw new InvalidRequestException("subject", "Say in a few words what this is about.");
        }
        if (subject.length() > properties.maxSubjectCharacters()) {
            throw new InvalidRequestException("subject",
                    "The subject is too long: at most " + properties.maxSubjectCharacters() + " characters.");
        }
        return subject.strip();
    }
}
