package io.bedside.messaging.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The texts of a message that are searched: body, and subject, request details and file names when it has them. */
final class SearchTexts {

    private SearchTexts() {
    }

    static List<String> of(String body, String subject, Map<String, String> details, List<NewAttachment> files) {
        List<String> texts = new ArrayList<>();
        texts.add(body);
        texts.add(subject);
        if (details != null) {
            texts.addAll(details.values());
        }
        if (files != null) {
            files.forEach(f -> texts.add(f.filename()));
        }
        return texts;
    }
}
