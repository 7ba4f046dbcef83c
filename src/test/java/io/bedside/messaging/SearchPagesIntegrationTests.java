package io.bedside.messaging;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.BOB;
import static io.bedside.support.Demo.KIM;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.PageSession;

/**
 * The search pages (/app/search) over HTTP: what staff and patients are shown of a hit (escaped,
 * the matched words in {@code <mark>}, a link to the message in its conversation), internal notes
 * for staff only, paging by "More results", and bad filters said on the page, not as an error.
 */
@BothDatabases
class SearchPagesIntegrationTests extends ApplicationTest {

    /** A made-up word no other test writes, so results are this test's own. */
    private static String word() {
        StringBuilder w = new StringBuilder("qy");
        for (int i = 0; i < 8; i++) {
            w.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return w.toString();
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void staffSeeTheHitEscapedAndMarkedWithALinkToTheMessage() {
        String tag = word();
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Itchy " + tag,
                "<script>alert('x')</script> The " + tag + " cream & the <b>rash</b> again");
        PageSession kim = PageSession.signedIn(api.base(), KIM);

        var page = kim.get("/app/search?q=" + tag);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("role=\"search\"").contains("<label for=\"search-q\"")
                .contains("Alice Walker")
                .contains("Itchy <mark>" + tag + "</mark>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; The <mark>" + tag + "</mark> cream &amp; the &lt;b&gt;rash&lt;/b&gt; again")
                .doesNotContain("<script>alert").doesNotContain("<b>rash</b>")
                .contains("href=\"/app/conversations/" + conversation + "#m1\"");
        // A prefix finds it too, marked as the whole word.
        assertThat(kim.get("/app/search?q=" + tag.substring(0, 5)).body()).contains("<mark>" + tag + "</mark>");
        // The inbox leads to it.
        assertThat(kim.get("/app/inbox").body()).contains("action=\"/app/search\"").contains("id=\"message-search\"");
    }

    @Test
    void internalNotesAreLabelledForStaffAndNeverShownToThePatient() {
        String tag = word();
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Knee", "My knee hurts " + tag);
        demo.note(KIM, conversation, "Staff only: " + tag + " looks fine, call her back");
        PageSession kim = PageSession.signedIn(api.base(), KIM);
        var staff = kim.get("/app/search?q=" + tag);
        assertThat(staff.body()).contains("Internal note").contains("Staff only: <mark>" + tag + "</mark>")
                .contains("#m2\"").contains("#m1\"");

        PageSession alice = PageSession.signedIn(api.base(), ALICE);
        var own = alice.get("/app/search?q=" + tag);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains("My knee hurts <mark>" + tag + "</mark>").doesNotContain("Staff only")
                .doesNotContain("Internal note").doesNotContain("#m2\"");
        assertThat(alice.get("/app/conversations").body()).contains("action=\"/app/search\"");
        // A proxy's page names the record it searches.
        assertThat(PageSession.signedIn(api.base(), "maria@patients.example").get("/app/search?lang=en").body())
                .containsPattern("<h1>Search [^<]+&#39;s messages</h1>");

        // Another patient finds nothing of Alice's; naming Alice's record is not found.
        PageSession bob = PageSession.signedIn(api.base(), BOB);
        // (Bob reads Spanish.)
        assertThat(bob.get("/app/search?q=" + tag).body()).contains("Ningún mensaje coincide").doesNotContain("knee");
        String alicesRecord = demo.me(ALICE).get("patientId").asString();
        assertThat(bob.get("/app/search?q=" + tag + "&patient=" + alicesRecord).status()).isEqualTo(404);
    }

    @Test
    void moreResultsPageOnWithTheCursorAndFiltersNarrow() {
        String tag = word();
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "Many", "First " + tag);
        for (int i = 0; i < 20; i++) {
            assertThat(demo.send(KIM, conversation, "Reply " + i + " about " + tag).status()).isEqualTo(201);
        }
        PageSession kim = PageSession.signedIn(api.base(), KIM);
        var first = kim.get("/app/search?q=" + tag);
        assertThat(first.body()).contains("More results").doesNotContain("First <mark>");
        Matcher more = Pattern.compile("href=\"(/app/search\\?[^\"]*cursor=[^\"]+)\"").matcher(first.body());
        assertThat(more.find()).isTrue();
        var second = kim.get(more.group(1).replace("&amp;", "&"));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).contains("First <mark>" + tag + "</mark>").doesNotContain("More results")
                .contains("Back to the first results");

        // Filters: the patient's own page narrows to them, by name; another patient has none of it.
        String alice = demo.me(ALICE).get("patientId").asString();
        String bob = demo.me(BOB).get("patientId").asString();
        assertThat(kim.get("/app/search?q=" + tag + "&patient=" + alice).body())
                .contains("Search Alice Walker&#39;s messages").contains("<mark>" + tag + "</mark>");
        assertThat(kim.get("/app/search?q=" + tag + "&patient=" + bob).body()).contains("No message matches");
        assertThat(kim.get("/app/search?q=" + tag + "&status=closed").body()).contains("No message matches");
        assertThat(kim.get("/app/search?q=" + tag + "&kind=question&from=2020-01-01").body())
                .contains("<mark>" + tag + "</mark>");
        assertThat(kim.get("/app/search?q=" + tag + "&to=2020-01-01").body()).contains("No message matches");
        assertThat(kim.get("/app/patients/" + alice).body()).contains("href=\"/app/search?patient=" + alice + "\"");
    }

    @Test
    void anEmptyQueryShowsTheFormAndBadInputIsSaidOnThePage() {
        PageSession kim = PageSession.signedIn(api.base(), KIM);
        var empty = kim.get("/app/search");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("Words to find").doesNotContain("Results").doesNotContain("No message matches");

        for (var bad : java.util.Map.of(
                "q=rash&status=maybe", "Choose a status from the list.",
                "q=rash&kind=gossip", "Choose a kind from the list.",
                "q=rash&team=not-an-id", "Choose a care team from the list.",
                "q=rash&from=yesterday", "Enter dates as the date field offers them",
                "q=rash&from=2026-02-01&to=2026-01-01", "The end date is before the start date.",
                "q=ab", "Search for words of at least 3 letters, up to 10 words.",
                "q=" + q("a".repeat(201)), "A search is at most 200 characters.",
                "q=rash&cursor=garbage", "Those results are out of date. Search again.").entrySet()) {
            var page = kim.get("/app/search?" + bad.getKey());
            assertThat(page.status()).as(bad.getKey()).isEqualTo(200);
            assertThat(page.body()).as(bad.getKey()).contains(bad.getValue()).contains("role=\"alert\"")
                    .doesNotContain("Exception").doesNotContain("<h2 id=\"results-heading\"");
        }
        // In Spanish too.
        assertThat(kim.get("/app/search?q=rash&status=maybe&lang=es").body()).contains("Elija un estado de la lista.");
    }
}
