package io.bedside.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    ReplyTemplates(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The practice's templates, then the reader's own, each by name. */
    public List<ReplyTemplate> list(Actor actor) {
        requireStaff(actor);
        return jdbc.sql("""
                select * from reply_template
                 where practice_id = :practice and (owner_id is null or owner_id = :me)
                 order by case when owner_id is null then 0 else 1 end, lower(name), id""")
                .param("practice", actor.practiceId().value()).param("me", actor.userId().value())
                .query((rs, n) -> new ReplyTemplate(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("body"), rs.getObject("owner_id", UUID.class) == null ? null
                                : UserId.of(rs.getObject("owner_id", UUID.class)),
                        Timestamps.fromDb(rs, "updated_at")))
                .list();
    }

    public ReplyTemplate get(Actor actor, UUID id) {
        return list(actor).stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("No such template."));
    }

    @Transactional
    public ReplyTemplate create(Actor actor, String name, String body, boolean practiceWide) {
        requireStaff(actor);
        if (practiceWide) {
            requireAdmin(actor);
        }
        String checkedName = checkedName(name);
        String checkedBody = checkedBody(body);
        UUID id = UUID.randomUUID();
        Instant now = Timestamps.now(clock);
        jdbc.sql("""
                insert into reply_template (id, practice_id, owner_id, name, body, created_by, created_at, updated_at)
                values (:id, :practice, :owner, :name, :body, :me, :now, :now)""")
                .param("id", id).param("practice", actor.practiceId().value())
                .param("owner", practiceWide ? null : actor.userId().value())
                .param("name", checkedName).param("body", checkedBody)
                .param("me", actor.userId().value()).param("now", Timestamps.toDb(now))
                .update();
        audit.record(AuditRecord.allowed(actor, null, "template.changed", "reply_template", id));
        return new ReplyTemplate(id, checkedName, checkedBody, practiceWide ? null : actor.userId(), now);
    }

    @Transactional
    public ReplyTemplate update(Actor actor, UUID id, String name, String body) {
        ReplyTemplate existing = changeable(actor, id);
        String checkedName = checkedName(name);
        String checkedBody = checkedBody(body);
        Instant now = Timestamps.now(clock);
        jdbc.sql("update reply_template set name = :name, body = :body, updated_at = :now where id = :id and practice_id = :practice")
                .param("name", checkedName).param("body", checkedBody).param("now", Timestamps.toDb(now))
                .param("id", id).param("practice", actor.practiceId().value())
                .update();
        audit.record(AuditRecord.allowed(actor, null, "template.changed", "reply_template", id));
        return new ReplyTemplate(id, checkedName, checkedBody, existing.ownerId(), now);
    }

    @Transactional
    public void delete(Actor actor, UUID id) {
        changeable(actor, id);
        jdbc.sql("delete from reply_template where id = :id and practice_id = :practice")
                .param("id", id).param("practice", actor.practiceId().value()).update();
        audit.record(AuditRecord.allowed(actor, null, "template.changed", "reply_template", id));
    }

    /** A practice's starting set, for a new practice (and the demo). */
    @Transactional
    public void createPracticeTemplate(PracticeId practice, UserId author, String name, String body) {
        Instant now = Timestamps.now(clock);
        jdbc.sql("""
                insert into reply_template (id, practice_id, owner_id, name, body, created_by, created_at, updated_at)
                values (:id, :practice, null, :name, :body, :author, :now, :now)""")
                .param("id", UUID.randomUUID()).param("practice", practice.value())
                .param("name", checkedName(name)).param("body", checkedBody(body))
                .param("author", author.value()).param("now", Timestamps.toDb(now))
                .update();
    }

    // ------------------------------------------------------------ QuickReplies

    @Override
    public List<QuickReply> availableTo(Actor staff) {
        return list(staff).stream().map(ReplyTemplates::quickReply).toList();
    }

    @Override
    public Optional<QuickReply> find(Actor staff, UUID id) {
        return list(staff).stream().filter(t -> t.id().equals(id)).findFirst().map(ReplyTemplates::quickReply);
    }

    private static QuickReply quickReply(ReplyTemplate t) {
        return new QuickReply(t.id(), t.name(), t.body(), t.practiceWide());
    }

    // ------------------------------------------------------------ rules

    private ReplyTemplate changeable(Actor actor, UUID id) {
        ReplyTemplate existing = get(actor, id);
        if (existing.practiceWide()) {
            requireAdmin(actor);
        }
        return existing;
    }

    private static void requireStaff(Actor actor) {
        if (!actor.isStaff()) {
            throw new NotFoundException("Not found.");
        }
    }

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
