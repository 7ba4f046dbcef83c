package io.bedside.audit;

import static io.bedside.audit.AuditAction.PatientReport.AS_RECORDED;
import static io.bedside.audit.AuditAction.PatientReport.CARE_TEAM_WORK;
import static io.bedside.audit.AuditAction.PatientReport.NAMES_CONVERSATION;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of audit actions: every action code Bedside writes to {@code audit_event.action},
 * how a patient's access report shows it, and the plain words of the API's {@code description}.
 * Pages describe an action by the message key {@code audit.action.<code>} (English and Spanish;
 * {@code AuditActionCatalogueTests} checks that each has one and that main code writes no other code).
 * The codes are stored: never change one, add a new constant instead.
 */
public enum AuditAction {

    AFTER_HOURS_TEXT_CHANGED("after_hours_text.changed", AS_RECORDED, null),
    ATTACHMENT_DOWNLOADED("attachment.downloaded", AS_RECORDED, "downloaded a file"),
    AUDIT_VERIFIED("audit.verified", AS_RECORDED, "checked the audit trail for tampering"),
    AUDIT_VIEWED("audit.viewed", AS_RECORDED, "looked at the access report"),
    AUTO_REPLY_SENT("auto_reply.sent", AS_RECORDED, null),
    CAMPAIGN_SENDER_ALLOWED("campaign-sender.allowed", AS_RECORDED, null),
    CAMPAIGN_SENDER_DISALLOWED("campaign-sender.disallowed", AS_RECORDED, null),
    CAMPAIGN_CANCELLED("campaign.cancelled", AS_RECORDED, null),
    CAMPAIGN_CREATED("campaign.created", AS_RECORDED, null),
    CAMPAIGNS_OPTED_IN("campaigns.opted-in", AS_RECORDED, null),
    CAMPAIGNS_OPTED_OUT("campaigns.opted-out", AS_RECORDED, null),
    COHORT_PREVIEWED("cohort.previewed", AS_RECORDED, null),
    CONVERSATION_CREATED("conversation.created", NAMES_CONVERSATION, "started a conversation"),
    CONVERSATION_EXPORTED("conversation.exported", NAMES_CONVERSATION, "downloaded a conversation as a PDF"),
    CONVERSATION_PREVIEWED("conversation.previewed", AS_RECORDED, null),
    CONVERSATION_UPDATED("conversation.updated", NAMES_CONVERSATION, "changed the status, priority or assignee of a conversation"),
    CONVERSATION_SHARED("conversation.shared", NAMES_CONVERSATION, "let the patient's family see a conversation"),
    CONVERSATION_MADE_CONFIDENTIAL("conversation.made-confidential", NAMES_CONVERSATION,
            "kept a conversation private from the patient's family"),
    CONVERSATION_VIEWED("conversation.viewed", NAMES_CONVERSATION, "opened a conversation"),
    CONVERSATION_WORKED_ON("conversation.worked_on", CARE_TEAM_WORK, "worked on the conversation"),
    CONVERSATIONS_LISTED("conversations.listed", AS_RECORDED, "looked at the list of conversations"),
    COVERAGE_CLEARED("coverage.cleared", AS_RECORDED, null),
    COVERAGE_SET("coverage.set", AS_RECORDED, null),
    DRAFT_SAVED("draft.saved", AS_RECORDED, null),
    EMAIL_CHANGE_REQUESTED("email.change-requested", AS_RECORDED, "asked to change their email address"),
    EMAIL_CHANGED("email.changed", AS_RECORDED, "confirmed a new email address"),
    INBOX_LISTED("inbox.listed", AS_RECORDED, "looked at a care team's inbox"),
    KEYS_REENCRYPTED("keys.reencrypted", AS_RECORDED, null),
    KEYS_REWRAPPED("keys.rewrapped", AS_RECORDED, null),
    KEYS_ROTATED("keys.rotated", AS_RECORDED, null),
    MESSAGE_SENT("message.sent", NAMES_CONVERSATION, "sent a message"),
    MESSAGES_READ("messages.read", NAMES_CONVERSATION, "read the messages of a conversation"),
    MESSAGES_SEARCHED("messages.searched", AS_RECORDED, "searched the messages"),
    SEARCH_REINDEXED("search.reindexed", AS_RECORDED, null),
    ANALYTICS_REBUILT("analytics.rebuilt", AS_RECORDED, null),
    MESSAGES_FOUND("messages.found", NAMES_CONVERSATION, "saw the patient's messages in a search of the messages"),
    NOTE_ADDED("note.added", CARE_TEAM_WORK, "added an internal note"),
    PASSWORD_CHANGED("password.changed", AS_RECORDED, null),
    PASSWORD_RESET("password.reset", AS_RECORDED, null),
    PATIENT_ACCOUNT_CLOSED("patient.account-closed", AS_RECORDED, "closed the patient's account"),
    PATIENT_ACCOUNT_REOPENED("patient.account-reopened", AS_RECORDED, "reopened the patient's account"),
    PATIENT_ADDED("patient.added", AS_RECORDED, null),
    PATIENT_CALLED("patient.called", AS_RECORDED, null),
    PATIENT_READ("patient.read", AS_RECORDED, "read the patient's name and contact details to send a campaign message"),
    PATIENT_CONTACT_CHANGED("patient.contact-changed", AS_RECORDED, null),
    PATIENT_INVITED("patient.invited", AS_RECORDED, null),
    PATIENT_SEARCHED("patient.searched", AS_RECORDED, "saw the patient's name and date of birth in a search of the patient list"),
    PATIENT_VIEWED("patient.viewed", AS_RECORDED, "looked at the patient's page"),
    PATIENT_CALLS_READ("patient_calls.read", AS_RECORDED, null),
    PATIENTS_IMPORTED("patients.imported", AS_RECORDED, null),
    PATIENTS_INVITED("patients.invited", AS_RECORDED, null),
    PATIENTS_MATCHED("patients.matched", AS_RECORDED, "matched the patient list against a campaign's cohort"),
    PATIENTS_SEARCHED("patients.searched", AS_RECORDED, "searched the patient list"),
    PRACTICE_CHANGED("practice.changed", AS_RECORDED, null),
    PRACTICE_CREATED("practice.created", AS_RECORDED, null),
    PROFILE_CHANGED("profile.changed", AS_RECORDED, "changed their mobile number or language"),
    PROXIES_LISTED("proxies.listed", AS_RECORDED, "looked at who has family access to the record"),
    PROXY_ENDED("proxy.ended", AS_RECORDED, "ended a parent's or guardian's access: the patient came of age"),
    PROXY_GRANTED("proxy.granted", AS_RECORDED, "gave someone family access to the record"),
    PROXY_REVOKED("proxy.revoked", AS_RECORDED, "ended someone's family access to the record"),
    READ_MARKED("read.marked", NAMES_CONVERSATION, "marked messages as read"),
    REQUEST_DETAILS_VIEWED("request.details.viewed", AS_RECORDED, null),
    SESSION_ENDED("session.ended", AS_RECORDED, null),
    SESSION_ENDED_OTHERS("session.ended-others", AS_RECORDED, null),
    STAFF_DISABLED("staff.disabled", AS_RECORDED, "disabled a member of staff"),
    STAFF_ENABLED("staff.enabled", AS_RECORDED, "enabled a member of staff again"),
    STAFF_INVITED("staff.invited", AS_RECORDED, "invited a member of staff"),
    STAFF_PASSWORD_RESET_SENT("staff.password-reset-sent", AS_RECORDED, null),
    STAFF_TWO_STEP_RESET("staff.two-step-reset", AS_RECORDED, null),
    TEAM_CHANGED("team.changed", AS_RECORDED, "changed a care team"),
    TEMPLATE_CHANGED("template.changed", AS_RECORDED, "changed a quick-reply template"),
    TWO_STEP_ENROLLED("two-step.enrolled", AS_RECORDED, null),
    TWO_STEP_FAILED("two-step.failed", AS_RECORDED, null),
    TWO_STEP_VERIFIED("two-step.verified", AS_RECORDED, null),
    URGENT_CHECKED("urgent.checked", AS_RECORDED, "read the message to check it for urgent words"),
    URGENT_DETECTED("urgent.detected", AS_RECORDED, null),
    URGENT_GUIDANCE_SENT("urgent.guidance_sent", AS_RECORDED, null),
    URGENT_PHRASES_CHANGED("urgent_phrases.changed", AS_RECORDED, null),
    URGENT_TARGET_CHANGED("urgent_target.changed", AS_RECORDED, null),
    FHIR_READ("fhir.read", AS_RECORDED, "read the patient's messages as a FHIR record"),
    FHIR_EXPORTED("fhir.exported", AS_RECORDED, "included the patient's messages in the practice's FHIR export"),
    FHIR_EXPORT_REQUESTED("fhir.export_requested", AS_RECORDED, null),
    FHIR_EXPORT_DOWNLOADED("fhir.export_downloaded", AS_RECORDED, null),
    FHIR_EXPORT_DELETED("fhir.export_deleted", AS_RECORDED, null),
    CONVERSATION_SNOOZED("conversation.snoozed", CARE_TEAM_WORK, "snoozed a conversation until a later day"),
    CONVERSATION_UNSNOOZED("conversation.unsnoozed", CARE_TEAM_WORK, "woke a snoozed conversation"),
    CONVERSATION_MARKED_UNREAD("conversation.marked-unread", CARE_TEAM_WORK, "marked a conversation unread"),
    CONVERSATION_MOVED("conversation.moved", NAMES_CONVERSATION, "moved a conversation to another care team"),
    CONVERSATION_MERGED("conversation.merged", NAMES_CONVERSATION,
            "closed a duplicate conversation, linked to the one kept"),
    // Needs a visit (issue 19, scheduling).
    VISIT_REQUEST_CREATED("visit_request.created", AS_RECORDED, "asked for a visit"),
    VISIT_REQUEST_VIEWED("visit_request.viewed", AS_RECORDED, "looked at a visit request"),
    VISIT_REQUESTS_LISTED("visit_requests.listed", AS_RECORDED, "looked at the list of visit requests"),
    VISIT_REQUEST_PREFERENCES("visit_request.preferences", AS_RECORDED, "gave preferred times for a visit"),
    VISIT_REQUEST_OFFERED("visit_request.offered", AS_RECORDED, "offered a time for a visit"),
    VISIT_REQUEST_BOOKED("visit_request.booked", AS_RECORDED, "booked a visit"),
    VISIT_REQUEST_DECLINED("visit_request.declined", AS_RECORDED, "declined a visit request"),
    VISIT_REQUEST_MESSAGE_SENT("visit_request.message_sent", AS_RECORDED, null),
    // Recovery codes for staff two-step sign-in (issue 18).
    RECOVERY_CODES_ISSUED("recovery-codes.issued", AS_RECORDED, null),
    RECOVERY_CODES_REGENERATED("recovery-codes.regenerated", AS_RECORDED, null),
    RECOVERY_CODE_USED("recovery-code.used", AS_RECORDED, null),
    // Two-way SMS (issue 18).
    SMS_NUMBER_CHANGED("sms.number-changed", AS_RECORDED, null),
    SMS_CONSENT_GIVEN("sms.consent-given", AS_RECORDED, "agreed to text messages"),
    SMS_HEALTH_CONSENT_GIVEN("sms.health-consent-given", AS_RECORDED,
            "agreed to receive health information by text message"),
    SMS_CONSENT_WITHDRAWN("sms.consent-withdrawn", AS_RECORDED, "withdrew an agreement to text messages"),
    SMS_STOPPED("sms.stopped", AS_RECORDED, "texted STOP: no more text messages"),
    SMS_RESTARTED("sms.restarted", AS_RECORDED, "texted START: text messages again"),
    SMS_HELP("sms.help", AS_RECORDED, "texted HELP"),
    MESSAGE_SMS_DISCLOSED("message.sms-disclosed", AS_RECORDED, "sent a reply in full by text message"),
    // Passkeys (issue 18).
    PASSKEY_ADDED("passkey.added", AS_RECORDED, "added a passkey to sign in with"),
    PASSKEY_REMOVED("passkey.removed", AS_RECORDED, "removed a passkey"),
    PASSKEY_RENAMED("passkey.renamed", AS_RECORDED, null),
    PASSKEY_SIGNED_IN("passkey.signed-in", AS_RECORDED, "signed in with a passkey");

    /** How a row of this action appears on a patient's own access report. */
    public enum PatientReport {
        /** As recorded: who did what, in the action's words. */
        AS_RECORDED,
        /** Naming the conversation it was about by its subject ({@code access.subject.<code>}). */
        NAMES_CONVERSATION,
        /**
         * Only as "your care team worked on the conversation", nobody named: a patient never learns
         * that internal notes exist.
         */
        CARE_TEAM_WORK
    }

    private static final Map<String, AuditAction> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(AuditAction::code, Function.identity()));

    private final String code;
    private final PatientReport patientReport;
    private final String description;

    AuditAction(String code, PatientReport patientReport, String description) {
        this.code = code;
        this.patientReport = patientReport;
        this.description = description;
    }

    /** The stored code, e.g. {@code messages.read}. */
    public String code() {
        return code;
    }

    public PatientReport patientReport() {
        return patientReport;
    }

    /** The message key of the action's words on pages. */
    public String messageKey() {
        return "audit.action." + code;
    }

    /**
     * The action's plain words in the API's access report: fixed English words where the API has
     * always given them, otherwise the code itself (as it always has).
     */
    public String description() {
        return description == null ? code : description;
    }

    /** The action of a stored code; empty for a code no longer (or never) in the catalogue. */
    public static Optional<AuditAction> ofCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    @Override
    public String toString() {
        return code;
    }
}
