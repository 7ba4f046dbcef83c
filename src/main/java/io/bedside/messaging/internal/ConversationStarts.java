package io.bedside.messaging.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.messaging.CampaignConversationStarted;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.ConversationStarted;
import io.bedside.messaging.ConversationStatus;
import io.bedside.messaging.MessageId;
import io.bedside.messaging.MessageSent;
import io.bedside.messaging.Priority;
import io.bedside.practice.CareTeam;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PatientId;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starting a conversation: by a patient or a member of staff (with its first message and files),
 * or by an outreach campaign on behalf of a care team. Every start is audited.
 */
@Service
public class ConversationStarts {

    private final ConversationRows conversations;
    private final MessageRows messages;
    private final ReadStateRows readStates;
    private final MessageCipher cipher;
    private final Attachments attachments;
    private final People people;
    private final ConversationViews views;
    private final MessageLimits limits;
    private final AuditTrail audit;
    private final Reactions reactions;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final JsonMapper json;
    private final Confidentiality confidentiality;
    private final SendMeters meters;
    private final SearchIndex searchIndex;

    ConversationStarts(Confidentiality confidentiality, ConversationRows conversations, MessageRows messages, ReadStateRows readStates,
            MessageCipher cipher, Attachments attachments, People people, ConversationViews views,
            MessageLimits limits, AuditTrail audit, Reactions reactions, TransactionTemplate transaction, Clock clock,
            JsonMapper json, SendMeters meters, SearchIndex searchIndex) {
        this.searchIndex = searchIndex;
        this.confidentiality = confidentiality;
        this.meters = meters;
        this.conversations = conversations;
        this.messages = messages;
        this.readStates = readStates;
        this.cipher = cipher;
        this.attachments = attachments;
        this.people = people;
        this.views = views;
        this.limits = limits;
        this.audit = audit;
        this.reactions = reactions;
        this.transaction = transaction;
        this.clock = clock;
        this.json = json;
    }

    /** A started conversation with its first message. */
    public record ConversationStartedView(ConversationView conversation, MessageView firstMessage) {
    }

    /**
     * Checks the request and its files, then stores the conversation and its first message in one
     * transaction. A TransactionTemplate rather than {@code @Transactional}: checking the files makes
     * their thumbnails, slow work that must not hold a connection and locks.
     */
    public ConversationStartedView start(Actor actor, NewConversation request) {
        return meters.timed(actor, SendMeters.What.CONVERSATION, () -> startTimed(actor, request),
                started -> SendMeters.Outcome.SENT);
    }

    private ConversationStartedView startTimed(Actor actor, NewConversation request) {
        List<NewAttachment> files = request.attachments();
        // As in a reply, a photo or a PDF may speak for itself.
        String body = files.isEmpty() || (request.body() != null && !request.body().isBlank())
                ? limits.checkedBody(request.body()) : "";
        ConversationKind kind = request.kind() == null ? ConversationKind.QUESTION : request.kind();
        if (kind == ConversationKind.CAMPAIGN && actor.isPatient()) {
            throw new InvalidRequestException("kind", "Patients cannot start campaign conversations.");
        }
        Map<String, String> details = RequestDetails.check(kind, request.details());
        boolean noSubject = request.subject() == null || request.subject().isBlank();
        String subject = limits.checkedSubject(noSubject && RequestDetails.subjectOptional(kind)
                ? RequestDetails.subjectFor(kind, details, body) : request.subject());
        CareTeam team = teamFor(actor, kind, request.careTeamId());
        PatientId patient = patientFor(actor, request.patientId());
        // A proxy writes as themselves, for the patient they chose: audited and shown so.
        Actor author = actor.actingAs(patient);
        boolean confidential = confidentiality.atStart(author, patient, request.confidential());
        if (request.providerId() != null && !team.hasMember(request.providerId())) {
            throw new InvalidRequestException("providerId", "The person you chose is not on " + team.name()
                    + ". Choose someone on that team, or anyone on the team.");
        }
        List<Attachments.Checked> types = attachments.check(files);

        return transaction.execute(status -> {
            Instant now = Timestamps.now(clock);
            ConversationId id = ConversationId.random();
            MessageId messageId = MessageId.random();
            ConversationRow row = new ConversationRow(id, author.practiceId(), patient, team.id(), request.providerId(),
                    kind, ConversationStatus.OPEN, Priority.ROUTINE, null,
                    cipher.encryptSubject(author.practiceId(), id, subject), 1, now, 1, now, author.userId(), now,
                    details.isEmpty() ? null
                            : cipher.encryptDetails(author.practiceId(), id, json.writeValueAsString(details)),
                    confidential);
            conversations.insert(row);
            messages.insert(new MessageRows.Row(messageId, author.practiceId(), id, 1, author.userId(), author.kind(),
                    cipher.encryptBody(author.practiceId(), id, messageId, body), false, now,
                    author.isProxy() ? author.relationship() : null));
            attachments.store(author.practiceId(), id, messageId, files, types, now);
            searchIndex.index(author.practiceId(), id, messageId, now, false,
                    SearchTexts.of(body, subject, details, files));
            readStates.advance(author.practiceId(), id, author, 1, now);
            audit.record(AuditRecord.allowed(author, patient, "conversation.created", "conversation", id));
            reactions.started(new ConversationStarted(author.practiceId(), id, patient, team.id(), author.userId(),
                    kind.code()));
            reactions.messageSent(new MessageSent(author.practiceId(), id, messageId, 1, patient, team.id(),
                    author.userId(), author.isPatient(), false));
            MessageView first = new MessageView(messageId, 1, views.author(author, row), body, false, now);
            return new ConversationStartedView(views.view(author, row, subject, 0), first);
        });
    }

    /**
     * An outreach campaign writes to one patient: a conversation of kind campaign, started by the
     * campaign's author on behalf of the care team, waiting on the patient (so the team's open
     * inbox is not flooded; a reply reopens it like any patient message). Joins the caller's
     * transaction, so a campaign can record the recipient in the same commit. Staff streams are
     * not told of each one: {@link CampaignConversationStarted} is sent instead of
     * {@link ConversationStarted} and {@link MessageSent}.
     */
    @Transactional
    public ConversationId startForCampaign(PracticeId practice, UserId author, PatientId patient, CareTeamId team,
            String subject, String body) {
        String checkedSubject = limits.checkedSubject(subject);
        String checkedBody = limits.checkedBody(body);
        people.findPatient(practice, patient).orElseThrow(() -> new NotFoundException("No such patient."));
        people.team(practice, team).orElseThrow(() -> new NotFoundException("No such care team."));
        Actor actor = new Actor(author, practice, Actor.Kind.STAFF, Set.of(), null);
        Instant now = Timestamps.now(clock);
        ConversationId id = ConversationId.random();
        MessageId messageId = MessageId.random();
        conversations.insert(new ConversationRow(id, practice, patient, team, null, ConversationKind.CAMPAIGN,
                ConversationStatus.WAITING_ON_PATIENT, Priority.ROUTINE, null,
                cipher.encryptSubject(practice, id, checkedSubject), 1, now, 1, now, author, now, null, false));
        messages.insert(new MessageRows.Row(messageId, practice, id, 1, author, Actor.Kind.STAFF,
                cipher.encryptBody(practice, id, messageId, checkedBody), false, now));
        searchIndex.index(practice, id, messageId, now, false, SearchTexts.of(checkedBody, checkedSubject, null, null));
        readStates.advance(practice, id, actor, 1, now);
        audit.record(AuditRecord.allowed(actor, patient, "conversation.created", "conversation", id));
        reactions.campaignStarted(new CampaignConversationStarted(practice, id, messageId, patient, team, author));
        return id;
    }

    /**
     * The details of the caller's own latest request of a kind (the pharmacy of their last refill),
     * to offer them again. Patients only; audited as a view of that conversation.
     */
    @Transactional
    public Map<String, String> lastRequestDetails(Actor actor, ConversationKind kind) {
        if (!actor.isPatient()) {
            return Map.of();
        }
        // A proxy is never offered what came from a confidential conversation.
        return conversations.latestOfKind(actor.practiceId(), actor.patientId(), kind)
                .filter(row -> actor.maySee(row.patientId(), row.confidential())).map(row -> {
            audit.record(AuditRecord.allowed(actor, row.patientId(), "request.details.viewed", "conversation",
                    row.id()));
            return views.details(row);
        }).orElse(Map.of());
    }

    /**
     * The team a new conversation goes to: the one asked for; for a billing request without one, the
     * practice's billing team; otherwise the caller must choose.
     */
    private CareTeam teamFor(Actor actor, ConversationKind kind, CareTeamId requested) {
        if (requested != null) {
            return people.team(actor.practiceId(), requested)
                    .orElseThrow(() -> new InvalidRequestException("careTeamId", "There is no such care team."));
        }
        if (kind == ConversationKind.BILLING) {
            return people.billingTeam(actor.practiceId()).orElseThrow(() -> new InvalidRequestException(
                    "careTeamId", "Choose which care team should answer your billing question."));
        }
        throw new InvalidRequestException("careTeamId", "careTeamId is required.");
    }

    private PatientId patientFor(Actor actor, PatientId requested) {
        if (actor.isPatient()) {
            // Someone the account does not act for is answered like a missing id.
            return requested == null ? actor.patientId() : actor.actingAs(requested).patientId();
        }
        if (requested == null) {
            throw new InvalidRequestException("patientId", "patientId is required when staff start a conversation.");
        }
        return people.findPatient(actor.practiceId(), requested)
                .orElseThrow(() -> new InvalidRequestException("patientId", "There is no such patient."));
    }
}
