package io.bedside.messaging.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;

import io.bedside.messaging.internal.NewAttachment;

/** The files of a posted form, as the send path takes them; an empty file input adds nothing. */
final class Uploads {

    private Uploads() {
    }

    static List<NewAttachment> attached(List<MultipartFile> files) throws IOException {
        List<NewAttachment> attached = new ArrayList<>();
        if (files != null) {
            for (var file : files) {
                if (!file.isEmpty()) {
                    attached.add(new NewAttachment(file.getOriginalFilename(), file.getBytes()));
                }
            }
        }
        return attached;
    }
}
