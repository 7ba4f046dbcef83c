package io.bedside.outreach.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the new-campaign form sends, as typed, so a refused form comes back filled in. */
public record CampaignForm(String name, String careTeamId, String minAge, String maxAge, String sex, String tags,
        List<String> languages, String lastVisitBefore, String lastVisitAfter, String notContactedDays,
        String messageEn, String messageEs, String when, String sendAt, String inviteNew, String confirmed) {

    public CampaignForm {
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    static CampaignForm empty() {
        return new CampaignForm("", "", "", "", "", "", List.of(), "", "", "", "", "", "now", "", "", "");
    }

    /** The cohort in the public format; blank fields are criteria not given. */
    Map<String, Object> cohort() {
        Map<String, Object> cohort = new LinkedHashMap<>();
        put(cohort, "minAge", minAge);
        put(cohort, "maxAge", maxAge);
        put(cohort, "sex", sex);
        put(cohort, "tags", tags);
        if (!languages.isEmpty()) {
            cohort.put("languages", languages);
        }
        put(cohort, "lastVisitBefore", lastVisitBefore);
        put(cohort, "lastVisitAfter", lastVisitAfter);
        put(cohort, "notContactedDays", notContactedDays);
        return cohort;
    }

    Map<String, Object> messages() {
        Map<String, Object> messages = new LinkedHashMap<>();
        put(messages, "en", messageEn);
        put(messages, "es", messageEs);
        return messages;
    }

    /**
     * The admin saw what this very campaign would do and said send: the confirmation carries the
     * fingerprint of the form as reviewed, so a field changed after the review asks for another.
     */
    boolean isConfirmed() {
        return fingerprint().equals(confirmed);
    }

    /** A digest of everything the form says except the confirmation itself. */
    public String fingerprint() {
        String all = String.join("\u0000", String.valueOf(name), String.valueOf(careTeamId), String.valueOf(minAge),
                String.valueOf(maxAge), String.valueOf(sex), String.valueOf(tags), String.join(",", languages),
                String.valueOf(lastVisitBefore), String.valueOf(lastVisitAfter), String.valueOf(notContactedDays),
                String.valueOf(messageEn), String.valueOf(messageEs), String.valueOf(when), String.valueOf(sendAt),
                String.valueOf(invitesNew()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(all.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean invitesNew() {
        return "true".equals(inviteNew);
    }

    public boolean later() {
        return "later".equals(when);
    }

    private static void put(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value.strip());
        }
    }
}
