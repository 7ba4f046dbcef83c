package io.bedside.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.messaging.QuickReplies;
import io.bedside.messaging.ReplyPlaceholders;
import io.bedside.shared.Actor;
import io.bedside.shared.ForbiddenException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.PracticeId;
import io.bedside.shared.Timestamps;
import io.bedside.shared.UserId;

/**
 * The practice's quick-reply templates and each member of staff's own. Anyone on staff reads the
 * practice's and their own; only practice admins change the practice's; nobody sees another's
 * own, nor another practice's (not found, as if missing).
 */
@Service
public class ReplyTemplates implements QuickReplies {

    public static final int MAX_NAME = 100;
    public static final int MAX_BODY = 4000;

    private final ReplyTemplateRows rows;
    private final AuditTrail audit;
    private final Clock clock;

    ReplyTemplates(ReplyTemplateRows rows, AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.audit = audit;
        this.clock = clock;
    }

    /** The practice's templates, then the reader's own, each by name. */
    public List<ReplyTemplate> list(Actor actor) {
        actor.requireStaff();
        return rows.visibleTo(actor.practiceId(), actor.userId());
    }

    public ReplyTemplate get(Actor actor, TemplateId id) {
        return list(actor).stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("No such template."));
    }

    @Transactional
    public ReplyTemplate create(Actor actor, String name, String body, boolean practiceWide) {
        actor.requireStaff();
        if (practiceWide) {
            requireAdmin(actor);
        }
        String checkedName = checkedName(name);
        String checkedBody = checkedBody(body);
        TemplateId id = TemplateId.random();
        Instant now = Timestamps.now(clock);
        rows.insert(actor.practiceId(), id, practiceWide ? null : actor.userId(), checkedName, checkedBody,
                actor.userId(), now);
        audit.record(AuditRecord.allowed(actor, null, "template.changed", "reply_template", id));
        return new ReplyTemplate(id, checkedName, checkedBody, practiceWide ? null : actor.userId(), now);
    }

    @Transactional
    public ReplyTemplate update(Actor actor, TemplateId id, String name, String body) {
        ReplyTemplate existing = changeable(actor, id);
        String checkedName = checkedName(name);
        String checkedBody = checkedBody(body);
        Instant now = Timestamps.now(clock);
        rows.update(actor.practiceId(), id, checkedName, checkedBody, now);
        audit.record(AuditRecord.allowed(actor, null, "template.changed", "reply_template", id));
        return new ReplyTemplate(id, checkedName, checkedBody, existing.ownerId(), now);
    }

    @Transactional
    public void delete(Actor actor, TemplateId id) {
        changeable(actor, id);
        rows.delete(actor.practiceId(), id);
        audit.record(AuditRecord.allowed(actor, null, "template.changed", "reply_template", id));
    }

    /** A practice's starting set, for a new practice (and the demo). */
    @Transactional
    public void createPracticeTemplate(PracticeId practice, UserId author, String name, String body) {
        rows.insert(practice, TemplateId.random(), null, checkedName(name), checkedBody(body), author,
                Timestamps.now(clock));
    }

    // ------------------------------------------------------------ QuickReplies

    @Override
    public List<QuickReply> availableTo(Actor staff) {
        return list(staff).stream().map(ReplyTemplates::quickReply).toList();
    }

    @Override
    public Optional<QuickReply> find(Actor staff, UUID id) {
        return list(staff).stream().filter(t -> t.id().value().equals(id)).findFirst().map(ReplyTemplates::quickReply);
    }

    private static QuickReply quickReply(ReplyTemplate t) {
        return new QuickReply(t.id().value(), t.name(), t.body(), t.practiceWide());
    }

    // ------------------------------------------------------------ rules

    private ReplyTemplate changeable(Actor actor, TemplateId id) {
        ReplyTemplate existing = get(actor, id);
        if (existing.practiceWide()) {
            requireAdmin(actor);
        }
        return existing;
    }

    /** A member of staff (checked first) who is a practice admin, with this page's own words for the 403. */
    private static void requireAdmin(Actor actor) {
        if (!actor.isPracticeAdmin()) {
            throw new ForbiddenException("Only practice admins change the practice's templates.");
        }
    }

    private static String checkedName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidRequestException("name", "Give the template a short name.");
        }
        if (name.strip().length() > MAX_NAME) {
            throw new InvalidRequestException("name", "The name is too long: at most " + MAX_NAME + " characters.");
        }
        return name.strip();
    }

    private static String checkedBody(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("body", "Write the template's text.");
        }
        if (body.length() > MAX_BODY) {
            throw new InvalidRequestException("body", "The text is too long: at most " + MAX_BODY + " characters.");
        }
        List<String> unknown = ReplyPlaceholders.unknown(body);
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException("body", "Unknown placeholder " + String.join(", ", unknown)
                    + ". Use one of: {" + String.join("}, {", ReplyPlaceholders.NAMES) + "}.");
        }
        return body.strip();
    }
}
