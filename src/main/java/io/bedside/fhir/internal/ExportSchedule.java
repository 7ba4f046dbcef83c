package io.bedside.fhir.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs queued FHIR exports in the background, and deletes exports older than 24 hours. Safe on
 * every node: a job is taken with a conditional update, and the sweep is a plain delete.
 */
@Component
class ExportSchedule {

    private final BulkExports exports;

    ExportSchedule(BulkExports exports) {
        this.exports = exports;
    }

    @Scheduled(fixedDelayString = "${bedside.fhir.export-tick:1s}", initialDelayString = "${bedside.fhir.export-tick:1s}")
    void run() {
        exports.runQueued();
    }

    @Scheduled(fixedDelayString = "${bedside.fhir.sweep-interval:10m}", initialDelayString = "${bedside.fhir.sweep-interval:10m}")
    void sweep() {
        exports.sweep();
    }
}
