package io.bedside.messaging.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditAction;
import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.MessageId;
import io.bedside.practice.CareTeam;
import io.bedside.practice.CareTeams;
import io.bedside.shared.Actor;
import io.bedside.patient.Patients;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.UserId;

/**
 * A patient's text messages (SMS), in and out. In: the text becomes the patient's own message, as
 * if they had written it on the page, marked {@code via = sms}, in their newest conversation that is
 * not closed; with none, in a new one to the team of their newest conversation (else their own
 * physician's team, addressed to the physician; else the practice's first team). Out: the team's newest reply read for a full-text SMS, audited as a disclosure.
 */
@Service
public class TextMessages {

    public static final String VIA_SMS = "sms";

    private final TextConversationRows rows;
    private final MessageRows messages;
    private final MessageSends sends;
    private final ConversationStarts starts;
    private final Attachments attachments;
    private final CareTeams careTeams;
    private final MessageCipher cipher;
    private final AuditTrail audit;
    private final Patients patients;

    TextMessages(TextConversationRows rows, MessageRows messages, MessageSends sends, ConversationStarts starts,
            Attachments attachments, CareTeams careTeams, MessageCipher cipher, AuditTrail audit, Patients patients) {
        this.patients = patients;
        this.rows = rows;
        this.messages = messages;
        this.sends = sends;
        this.starts = starts;
        this.attachments = attachments;
        this.careTeams = careTeams;
        this.cipher = cipher;
        this.audit = audit;
    }

    /** Whether a file passes the upload checks (type from its bytes, size); the reason in the exception when not. */
    public void check(String filename, byte[] content) {
        attachments.check(List.of(new NewAttachment(filename, content)));
    }

    /**
     * Posts the text as the patient's message; joins the caller's transaction, so the caller can
     * mark its queue row done in the same commit. Returns the conversation it landed in.
     */
    @Transactional
    public ConversationId postFromPatient(PracticeId practice, UserId user, PatientId patient, String body,
            List<NewAttachment> files, String subject) {
        Actor actor = new Actor(user, practice, Actor.Kind.PATIENT, Set.of(), patient);
        Optional<ConversationId> open = rows.latestOpen(practice, patient);
        MessageId id;
        ConversationId conversation;
        if (open.isPresent()) {
            conversation = open.get();
            id = sends.send(actor, conversation, body, false, null, files).message().id();
        } else {
            // The team they wrote to last; else their own physician's team, addressed to the physician,
            // as they would choose on the page; else the practice's first team.
            Optional<UserId> physician = patients.primaryProvider(practice, patient);
            Optional<CareTeam> physiciansTeam = physician.flatMap(p -> careTeams.inPractice(practice).stream()
                    .filter(t -> t.members().stream().anyMatch(m -> m.id().equals(p)))
                    .min(Comparator.comparing(CareTeam::name)));
            CareTeamId team = rows.latestTeam(practice, patient).or(() -> physiciansTeam.map(CareTeam::id))
                    .or(() -> careTeams.inPractice(practice).stream().min(Comparator.comparing(CareTeam::name))
                            .map(CareTeam::id))
                    .orElseThrow(() -> new InvalidRequestException("careTeamId", "The practice has no care team."));
            UserId provider = physiciansTeam.filter(t -> t.id().equals(team)).flatMap(t -> physician).orElse(null);
            var started = starts.start(actor, new NewConversation(team, subject, body, ConversationKind.QUESTION,
                    provider, patient, Map.of(), files));
            conversation = started.conversation().id();
            id = started.firstMessage().id();
        }
        messages.markVia(practice, id, VIA_SMS);
        return conversation;
    }

    /**
     * The team's newest reply in a conversation, decrypted to go out in full by text message; the
     * read is on the patient's trail as {@code message.sms-disclosed}. Empty when there is none.
     */
    public Optional<String> newestReplyForText(PracticeId practice, ConversationId conversation, PatientId patient) {
        return messages.newestFromStaff(practice, conversation).map(m -> {
            audit.record(new AuditRecord(practice, null, patient, AuditAction.MESSAGE_SMS_DISCLOSED.code(), "message",
                    m.id().toString(), true));
            return cipher.decryptBody(practice, m.conversationId(), m.id(), m.bodyCiphertext());
        });
    }
}
