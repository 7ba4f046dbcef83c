package io.bedside.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.bedside.messaging.ReplyPlaceholders;
import io.bedside.outreach.CampaignMessages;

/** One placeholder syntax for templates and campaigns: {firstName} documented, {first_name} read the same. */
class PlaceholdersTests {

    @Test
    void bothSpellingsFillTheSameInTemplates() {
        Map<String, String> values = ReplyPlaceholders.values("Alice", "Walker", "Riverside", "Dr. Patel's team",
                "Jenny Kim, RN");
        String documented = ReplyPlaceholders.fill("Hi {firstName} {lastName}, {careTeam} at {practice}. {myName}", values);
        String older = ReplyPlaceholders.fill("Hi {first_name} {last_name}, {team} at {practice}. {my_name}", values);
        assertThat(documented).isEqualTo("Hi Alice Walker, Dr. Patel's team at Riverside. Jenny Kim, RN");
        assertThat(older).isEqualTo(documented);
        assertThat(ReplyPlaceholders.fill("{care_team}", values)).isEqualTo("Dr. Patel's team");
    }

    @Test
    void bothSpellingsFillTheSameInCampaigns() {
        CampaignMessages messages = new CampaignMessages("Hi {firstName}, {practice} / {careTeam}",
                "Hola {first_name}, {practice} / {care_team}");
        assertThat(messages.render("en", "en", "Alice", "Riverside", "Pediatrics"))
                .isEqualTo("Hi Alice, Riverside / Pediatrics");
        assertThat(messages.render("es", "en", "Bob", "Riverside", "Pediatrics"))
                .isEqualTo("Hola Bob, Riverside / Pediatrics");
        assertThat(CampaignMessages.parse(Map.of("en", "Hi {first_name} from {team}"), "en").en())
                .isEqualTo("Hi {first_name} from {team}");
    }

    @Test
    void typosAreUnknownInEitherPlace() {
        assertThat(ReplyPlaceholders.unknown("Hi {firstname} {first_name} {firstName} {nickname}"))
                .containsExactly("{firstname}", "{nickname}");
        assertThat(Placeholders.unknown("{lastName}", CampaignMessages.PLACEHOLDERS)).containsExactly("{lastName}");
        assertThat(Placeholders.fill("{nickname} {firstName}", Map.of("firstName", "$1 \\o/")))
                .isEqualTo("{nickname} $1 \\o/");
        assertThat(Placeholders.canonical("first_name", List.of("firstName"))).isEqualTo("firstName");
    }
}
