package io.bedside.outreach.web;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.bedside.outreach.Campaign;
import io.bedside.outreach.CampaignId;
import io.bedside.outreach.CampaignOptOuts;
import io.bedside.outreach.Campaigns;
import io.bedside.outreach.Cohort;
import io.bedside.outreach.CohortPreview;
import io.bedside.outreach.Funnel;
import io.bedside.outreach.NewCampaign;
import io.bedside.shared.Actor;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.Ids;
import io.bedside.shared.InvalidRequestException;

/**
 * The campaigns API: {@code POST /api/v1/campaigns} (201), {@code GET /api/v1/campaigns[/{id}]},
 * {@code POST /api/v1/campaigns/{id}/cancel}, {@code POST /api/v1/campaigns/preview} (the count of a
 * cohort, how many of them have an account, and a sample), and the patient's own
 * {@code GET/PUT /api/v1/me/campaign-preferences}.
 */
@RestController
class CampaignController {

    record CreateRequest(String name, String careTeamId, Map<String, Object> cohort, Map<String, Object> messages,
            String sendAt, Boolean inviteNew) {
    }

    record PreviewRequest(Map<String, Object> cohort) {
    }

    record CountsJson(long targeted, long sent, long read, long replied, long optedOut) {
        static CountsJson of(Funnel f) {
            return new CountsJson(f.targeted(), f.sent(), f.read(), f.replied(), f.optedOut());
        }
    }

    record CampaignJson(UUID id, String name, String careTeamId, String careTeamName, Map<String, Object> cohort,
            Map<String, String> messages, String status, Instant sendAt, Instant createdAt, Instant startedAt,
            Instant finishedAt, boolean inviteNew, CountsJson counts) {
        static CampaignJson of(Campaign c) {
            return new CampaignJson(c.id().value(), c.name(), c.careTeamId().toString(), c.careTeamName(), c.cohort().toJson(),
                    c.messages().toJson(), c.status().code(), c.sendAt(), c.createdAt(), c.startedAt(), c.finishedAt(),
                    c.inviteNew(), CountsJson.of(c.funnel()));
        }
    }

    record CampaignList(List<CampaignJson> items) {
    }

    record MemberJson(String patientId, String name, int age, String sex, String language) {
    }

    record PreviewJson(int count, int withAccount, List<MemberJson> sample) {
        static PreviewJson of(CohortPreview p) {
            return new PreviewJson(p.count(), p.withAccount(), p.sample().stream().map(m -> new MemberJson(m.id().toString(), m.name(),
                    m.age(), m.sex(), m.language())).toList());
        }
    }

    record PreferenceJson(Boolean optedOut) {
    }

    private final Campaigns campaigns;
    private final CampaignOptOuts optOuts;

    CampaignController(Campaigns campaigns, CampaignOptOuts optOuts) {
        this.campaigns = campaigns;
        this.optOuts = optOuts;
    }

    @PostMapping("/api/v1/campaigns")
    ResponseEntity<CampaignJson> create(@AuthenticationPrincipal Actor actor, @RequestBody CreateRequest request) {
        Campaign created = campaigns.create(actor, new NewCampaign(request.name(),
                request.careTeamId() == null || request.careTeamId().isBlank() ? null
                        : CareTeamId.of(Ids.parseField("careTeamId", request.careTeamId())),
                Cohort.parse(request.cohort()), request.messages(), instant(request.sendAt()),
                Boolean.TRUE.equals(request.inviteNew())));
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + created.id())).body(CampaignJson.of(created));
    }

    @GetMapping("/api/v1/campaigns")
    CampaignList list(@AuthenticationPrincipal Actor actor) {
        return new CampaignList(campaigns.list(actor).stream().map(CampaignJson::of).toList());
    }

    @GetMapping("/api/v1/campaigns/{id}")
    CampaignJson get(@AuthenticationPrincipal Actor actor, @PathVariable CampaignId id) {
        return CampaignJson.of(campaigns.get(actor, id));
    }

    @PostMapping("/api/v1/campaigns/{id}/cancel")
    CampaignJson cancel(@AuthenticationPrincipal Actor actor, @PathVariable CampaignId id) {
        return CampaignJson.of(campaigns.cancel(actor, id));
    }

    @PostMapping("/api/v1/campaigns/preview")
    PreviewJson preview(@AuthenticationPrincipal Actor actor, @RequestBody PreviewRequest request) {
        return PreviewJson.of(campaigns.preview(actor, Cohort.parse(request.cohort())));
    }

    @GetMapping("/api/v1/me/campaign-preferences")
    PreferenceJson preferences(@AuthenticationPrincipal Actor actor) {
        return new PreferenceJson(optOuts.optedOut(actor));
    }

    @PutMapping("/api/v1/me/campaign-preferences")
    PreferenceJson setPreferences(@AuthenticationPrincipal Actor actor, @RequestBody PreferenceJson request) {
        if (request.optedOut() == null) {
            throw new InvalidRequestException("optedOut", "Say optedOut: true (no campaign messages) or false.");
        }
        optOuts.setOptedOut(actor, request.optedOut());
        return new PreferenceJson(optOuts.optedOut(actor));
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("sendAt", "sendAt must be a date and time with its offset, "
                    + "such as 2026-12-01T09:30:00-05:00.");
        }
    }
}
