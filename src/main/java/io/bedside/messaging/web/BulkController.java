package io.bedside.messaging.web;

import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.messaging.ConversationId;
import io.bedside.messaging.internal.BulkActions;
import io.bedside.shared.Actor;
import io.bedside.shared.Ids;
import io.bedside.shared.InvalidRequestException;

/**
 * One action on many conversations, each checked on its own:
 * {@code POST /api/v1/conversations/bulk {ids, action, value?, seen?}} answers 200 with every id's
 * outcome ({@code done}, {@code not_found}, {@code not_your_team}, {@code stale}, {@code invalid}).
 * {@code seen} maps an id to the last sequence number the caller saw: a conversation that moved
 * past it since is {@code stale} and left alone. Staff only.
 */
@RestController
class BulkController {

    record BulkRequest(List<String> ids, String action, String value, Map<String, Long> seen) {
    }

    record ItemJson(String id, String outcome) {
    }

    record BulkJson(List<ItemJson> items, long done, long refused) {
    }

    private final BulkActions bulk;

    BulkController(BulkActions bulk) {
        this.bulk = bulk;
    }

    @PostMapping("/api/v1/conversations/bulk")
    BulkJson apply(@AuthenticationPrincipal Actor actor, @RequestBody BulkRequest request) {
        actor.requireStaff();
        if (request.ids() == null) {
            throw new InvalidRequestException("ids", "ids is required.");
        }
        Map<String, Long> seen = request.seen() == null ? Map.of() : request.seen();
        List<BulkActions.Item> items = request.ids().stream().map(id -> {
            if (id == null) {
                throw new InvalidRequestException("ids", "ids must be conversation ids.");
            }
            return new BulkActions.Item(ConversationId.of(Ids.parseField("ids", id)), seen.get(id));
        }).toList();
        BulkActions.Result result = bulk.apply(actor, items, BulkActions.Action.fromCode(request.action()),
                request.value());
        return new BulkJson(result.outcomes().entrySet().stream()
                .map(e -> new ItemJson(e.getKey().toString(), e.getValue().code())).toList(), result.done(),
                result.refused());
    }
}
