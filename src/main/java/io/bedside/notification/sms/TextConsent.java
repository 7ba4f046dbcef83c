package io.bedside.notification.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditAction;
import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.crypto.BlindIndex;
import io.bedside.patient.Patients;
import io.bedside.patient.PhoneNumbers;
import io.bedside.shared.Actor;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UnprocessableException;
import io.bedside.shared.UserId;

/**
 * A patient's agreement to texting the practice, and separately to receiving health information by
 * text (whose words say that texts are not encrypted): each kept with its time and the exact words
 * shown, in the patient's language ({@code sms.consent.texting} and {@code sms.consent.health},
 * version {@link #VERSION}). The agreement is for the mobile number on the patient's own record
 * at the time; a text from that number is theirs. STOP and START by text change it as carriers
 * require; STOP from a number with no agreement keeps only a keyed hash of the number.
 */
@Service
public class TextConsent {

    /** A number Bedside does not know has the fixed answer at most once in this time. */
    public static final java.time.Duration STRANGER_ANSWER_INTERVAL = java.time.Duration.ofDays(1);


    public static final String VERSION = "v1";

    /** What the patient agreed to, when, and the words; {@code stopped} when they texted STOP since. */
    public record State(boolean texting, Instant textingAt, String textingWords, boolean healthInformation,
            Instant healthAt, String healthWords, boolean stopped, String phone) {
    }

    /** An agreement found for an inbound number. */
    public record Holder(PracticeId practiceId, UserId userId, PatientId patientId, boolean health, boolean stopped) {
    }

    private final TextConsentRows rows;
    private final Patients patients;
    private final BlindIndex blindIndex;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final Clock clock;

    TextConsent(TextConsentRows rows, Patients patients, BlindIndex blindIndex, MessageSource messages,
            AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.patients = patients;
        this.blindIndex = blindIndex;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** The words of the agreement to texting, as shown to the patient. */
    public String textingWords(Locale locale) {
        return messages.getMessage("sms.consent.texting." + VERSION, null, locale);
    }

    /** The words of the agreement to health information by text (they say texts are not encrypted). */
    public String healthWords(Locale locale) {
        return messages.getMessage("sms.consent.health." + VERSION, null, locale);
    }

    public State state(Actor actor) {
        PatientId own = own(actor);
        return rows.find(actor.practiceId(), actor.userId()).filter(r -> r.patientId().equals(own))
                .map(TextConsent::state).orElse(new State(false, null, null, false, null, null, false, null));
    }

    /**
     * Records the patient's choices with the words shown now in {@code locale}: an agreement already
     * given keeps its time and words; one withdrawn is erased; each change audited. Health
     * information by text needs texting, and texting a mobile number on the record.
     */
    @Transactional
    public State agree(Actor actor, boolean texting, boolean health, Locale locale) {
        PatientId own = own(actor);
        if (health && !texting) {
            throw new InvalidRequestException("healthInformation",
                    "Agree to text messages first: health information by text needs both.");
        }
        Optional<TextConsentRows.Row> current = rows.find(actor.practiceId(), actor.userId());
        String phone = patients.contact(actor.practiceId(), own).map(Patients.Contact::phone).map(PhoneNumbers::e164)
                .orElse(null);
        if (texting && phone == null) {
            throw new UnprocessableException("There is no mobile number on your record to text. Add one on My details.");
        }
        Instant now = Timestamps.now(clock);
        boolean hadTexting = current.map(r -> r.textingAt() != null).orElse(false);
        boolean hadHealth = current.map(r -> r.healthAt() != null).orElse(false);
        Instant textingAt = texting ? (hadTexting ? current.get().textingAt() : now) : null;
        String textingWords = texting ? (hadTexting ? current.get().textingWords() : textingWords(locale)) : null;
        Instant healthAt = health ? (hadHealth ? current.get().healthAt() : now) : null;
        String healthWords = health ? (hadHealth ? current.get().healthWords() : healthWords(locale)) : null;
        String kept = phone != null ? phone : current.map(TextConsentRows.Row::phone).orElse("");
        Instant stopped = texting && !hadTexting ? null : current.map(TextConsentRows.Row::stoppedAt).orElse(null);
        rows.save(new TextConsentRows.Row(actor.userId(), actor.practiceId(), own, kept, textingAt, textingWords,
                healthAt, healthWords, stopped), now);
        if (texting && !hadTexting) {
            audited(actor, own, AuditAction.SMS_CONSENT_GIVEN);
        }
        if (health && !hadHealth) {
            audited(actor, own, AuditAction.SMS_HEALTH_CONSENT_GIVEN);
        }
        if (!texting && hadTexting || !health && hadHealth) {
            audited(actor, own, AuditAction.SMS_CONSENT_WITHDRAWN);
        }
        return state(actor);
    }

    /**
     * Who agreed to texting from this number in the practice: the newest agreement whose number is
     * still the one on the patient's record. Empty for anyone else (a stranger, a changed number).
     */
    public Optional<Holder> holderOf(PracticeId practice, String phone) {
        List<TextConsentRows.Row> found = rows.byPhone(practice, phone);
        return found.stream().filter(r -> patients.contact(practice, r.patientId()).map(Patients.Contact::phone)
                .map(PhoneNumbers::e164).filter(phone::equals).isPresent()).findFirst()
                .map(r -> new Holder(practice, r.userId(), r.patientId(), r.healthAt() != null, r.stoppedAt() != null));
    }

    /** Whether this person may get health information by text: agreed to both, and no STOP since. */
    public boolean healthByText(PracticeId practice, UserId user) {
        return rows.find(practice, user).filter(r -> r.textingAt() != null && r.healthAt() != null
                && r.stoppedAt() == null).isPresent();
    }

    /** STOP: a holder's texting stops; a stranger's number is kept as a keyed hash so nothing more goes to it. */
    public void stop(PracticeId practice, Optional<Holder> holder, String phone) {
        Instant now = Timestamps.now(clock);
        if (holder.isPresent()) {
            rows.stopped(practice, holder.get().userId(), now);
        } else {
            rows.optOut(practice, blindIndex.token(practice, term(phone)), now);
        }
    }

    /** START: texting again. */
    public void restart(PracticeId practice, Optional<Holder> holder, String phone) {
        holder.ifPresent(h -> rows.restarted(practice, h.userId(), Timestamps.now(clock)));
        rows.optIn(practice, blindIndex.tokensForSearch(practice, term(phone)));
    }

    /** Whether a number with no agreement texted STOP. */
    public boolean strangerStopped(PracticeId practice, String phone) {
        return rows.optedOut(practice, blindIndex.tokensForSearch(practice, term(phone)));
    }

    /**
     * Whether a number Bedside does not know may have the fixed answer now: once a day at most, so
     * that texting again and again (or a script doing it) does not make the practice text back each
     * time. Saying yes records it (a keyed hash of the number, kept a day).
     */
    public boolean answerStranger(PracticeId practice, String phone) {
        Instant now = Timestamps.now(clock);
        if (rows.strangerAnsweredSince(practice, blindIndex.tokensForSearch(practice, strangerTerm(phone)),
                now.minus(STRANGER_ANSWER_INTERVAL))) {
            return false;
        }
        rows.strangerAnswered(practice, blindIndex.token(practice, strangerTerm(phone)), now);
        return true;
    }

    /** Forgets the numbers answered before the last {@link #STRANGER_ANSWER_INTERVAL}. */
    int forgetStrangerAnswers() {
        return rows.forgetStrangerAnswersBefore(Timestamps.now(clock).minus(STRANGER_ANSWER_INTERVAL));
    }

    private static String strangerTerm(String phone) {
        return "sms-stranger:" + phone;
    }

    private static String term(String phone) {
        return "sms-opt-out:" + phone;
    }

    private void audited(Actor actor, PatientId patient, AuditAction action) {
        audit.record(AuditRecord.allowed(actor, patient, action, "patient", patient));
    }

    /** Only a patient's own account agrees, for their own number: anyone else is answered "not found". */
    private static PatientId own(Actor actor) {
        if (!actor.isPatient()) {
            throw new NotFoundException();
        }
        return actor.ownPatientId().orElseThrow(NotFoundException::new);
    }

    private static State state(TextConsentRows.Row r) {
        return new State(r.textingAt() != null, r.textingAt(), r.textingWords(), r.healthAt() != null, r.healthAt(),
                r.healthWords(), r.stoppedAt() != null, r.phone());
    }
}
