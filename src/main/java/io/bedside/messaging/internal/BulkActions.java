package io.bedside.messaging.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.messaging.ConversationId;
import io.bedside.messaging.ConversationStatus;
import io.bedside.messaging.Priority;
import io.bedside.practice.CareTeam;
import io.bedside.practice.StaffMember;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.UserId;

/**
 * One action on a selection of the shared inbox: assign, close, set priority, snooze. Each
 * conversation is checked and changed on its own, in its own transaction: one the caller may not
 * change is refused with a reason and left exactly as it was, and the others still change. Each
 * change is audited per conversation (as a single change is); each refusal too.
 *
 * <p>Who may act in bulk: a member of the conversation's care team, or a practice admin. A single
 * change on the conversation page stays open to all the practice's staff (Triage); acting on many
 * at once is for the team whose work they are. A conversation of another practice, or none, is
 * {@code not_found}, exactly as a missing id. A selection made before a new message arrived is
 * {@code stale}: the reader decided without seeing it.
 */
@Service
public class BulkActions {

    /** The most conversations one request may name: a page of the inbox is 25. */
    public static final int MAX_ITEMS = 100;

    /** What to do to every conversation selected. */
    public enum Action {
        ASSIGN, CLOSE, PRIORITY, SNOOZE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Action fromCode(String code) {
            if (code == null || code.isBlank()) {
                throw new InvalidRequestException("action", "Say what to do: assign, close, priority or snooze.");
            }
            return Codes.parse(Action.class, "action", code);
        }
    }

    /** What came of one conversation. */
    public enum Outcome {
        DONE, NOT_FOUND, NOT_YOUR_TEAM, STALE, INVALID;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public boolean done() {
            return this == DONE;
        }
    }

    /** A conversation selected, with the last sequence number the reader saw when selecting it (or null). */
    public record Item(ConversationId id, Long seenSeq) {
    }

    /** Every conversation's outcome, in the order asked. */
    public record Result(Map<ConversationId, Outcome> outcomes) {

        public long done() {
            return outcomes.values().stream().filter(Outcome::done).count();
        }

        public long refused() {
            return outcomes.size() - done();
        }

        /** The refused ones with their reasons' codes, for pages. */
        public Map<String, String> refusals() {
            Map<String, String> refused = new LinkedHashMap<>();
            outcomes.forEach((id, outcome) -> {
                if (!outcome.done()) {
                    refused.put(id.value().toString(), outcome.code());
                }
            });
            return refused;
        }
    }

    private final ConversationRows conversations;
    private final ConversationAccess access;
    private final Triage triage;
    private final FollowUps followUps;
    private final People people;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    BulkActions(ConversationRows conversations, ConversationAccess access, Triage triage, FollowUps followUps,
            People people, AuditTrail audit, TransactionTemplate transaction) {
        this.conversations = conversations;
        this.access = access;
        this.triage = triage;
        this.followUps = followUps;
        this.people = people;
        this.audit = audit;
        this.transaction = transaction;
    }

    /**
     * Applies {@code action} with {@code value} (assign: a staff id, "me", or empty to unassign;
     * priority: its code; snooze: a number of days; close: nothing) to each item. A bad action or
     * value is refused whole (400) before anything changes.
     */
    public Result apply(Actor actor, List<Item> items, Action action, String value) {
        actor.requireStaff();
        if (items == null || items.isEmpty()) {
            throw new InvalidRequestException("ids", "Select at least one conversation.");
        }
        if (items.size() > MAX_ITEMS) {
            throw new InvalidRequestException("ids", "Select at most " + MAX_ITEMS + " conversations at once.");
        }
        ConversationChange change = change(actor, action, value);
        int days = action == Action.SNOOZE ? days(value) : 0;
        Set<CareTeamId> myTeams = people.teamsOf(actor).stream().map(CareTeam::id).collect(Collectors.toSet());
        Map<ConversationId, Outcome> outcomes = new LinkedHashMap<>();
        for (Item item : items) {
            if (outcomes.containsKey(item.id())) {
                continue;
            }
            outcomes.put(item.id(), transaction.execute(tx -> one(actor, item, change, days, myTeams)));
        }
        return new Result(outcomes);
    }

    private Outcome one(Actor actor, Item item, ConversationChange change, int days, Set<CareTeamId> myTeams) {
        ConversationRow row;
        try {
            row = access.visibleForUpdate(actor, item.id(), "conversation.updated");
        } catch (NotFoundException e) {
            return Outcome.NOT_FOUND;
        }
        if (!actor.isPracticeAdmin() && !myTeams.contains(row.careTeamId())) {
            audit.record(AuditRecord.denied(actor, "conversation.updated", "conversation", item.id()));
            return Outcome.NOT_YOUR_TEAM;
        }
        if (item.seenSeq() != null && row.lastSeq() > item.seenSeq()) {
            return Outcome.STALE;
        }
        if (change != null) {
            triage.apply(actor, row, change);
            return Outcome.DONE;
        }
        if (row.status() == ConversationStatus.CLOSED) {
            return Outcome.INVALID;
        }
        followUps.snooze(actor, row, followUps.today(actor).plusDays(days));
        return Outcome.DONE;
    }

    private ConversationChange change(Actor actor, Action action, String value) {
        return switch (action) {
            case CLOSE -> new ConversationChange(ConversationStatus.CLOSED, null, null, false);
            case PRIORITY -> {
                if (value == null || value.isBlank()) {
                    throw new InvalidRequestException("value", "Say which priority.");
                }
                yield new ConversationChange(null, Priority.fromCode(value), null, false);
            }
            case ASSIGN -> {
                if (value == null || value.isBlank()) {
                    yield new ConversationChange(null, null, null, true);
                }
                UserId assignee = "me".equals(value) ? actor.userId()
                        : UserId.of(io.bedside.shared.Ids.parseField("value", value));
                if (people.staff(actor.practiceId(), List.of(assignee)).values().stream().noneMatch(StaffMember::active)) {
                    throw new InvalidRequestException("value", "The assignee must be a member of staff of this practice.");
                }
                yield new ConversationChange(null, null, assignee, false);
            }
            case SNOOZE -> null;
        };
    }

    private static int days(String value) {
        try {
            int days = Integer.parseInt(value == null ? "" : value.strip());
            if (days >= 1 && days <= FollowUps.MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("value", "Snooze for 1 to " + FollowUps.MAX_DAYS + " days.");
    }

    /** Parses the pages' checkbox values: an id, or an id and the last seq seen ({@code id@seq}). */
    public static List<Item> items(List<String> values) {
        List<Item> items = new ArrayList<>();
        if (values == null) {
            return items;
        }
        for (String value : values) {
            int at = value.indexOf('@');
            String id = at < 0 ? value : value.substring(0, at);
            Long seq = null;
            if (at >= 0) {
                try {
                    seq = Long.parseLong(value.substring(at + 1));
                } catch (NumberFormatException e) {
                    throw new InvalidRequestException("ids", "Not a selection this server gave out.");
                }
            }
            items.add(new Item(ConversationId.of(io.bedside.shared.Ids.parseField("ids", id)), seq));
        }
        return items;
    }
}
