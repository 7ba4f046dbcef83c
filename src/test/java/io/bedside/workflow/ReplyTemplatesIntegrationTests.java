package io.bedside.workflow;

import static io.bedside.support.Demo.ALICE;
import static io.bedside.support.Demo.KIM;
import static io.bedside.support.Demo.LAKESIDE_ADMIN;
import static io.bedside.support.Demo.PATEL;
import static io.bedside.support.Demo.RIVERSIDE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.messaging.ReplyPlaceholders;
import io.bedside.shared.ForbiddenException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;

/** Quick-reply templates: whose they are, who may change them, and what their placeholders become. */
@BothDatabases
class ReplyTemplatesIntegrationTests extends ApplicationTest {

    @Autowired
    ReplyTemplates templates;

    @Test
    void staffKeepTheirOwnAndSeeThePracticesButNotEachOthers() {
        var kim = demo.actor(KIM);
        ReplyTemplate own = templates.create(kim, "Kim's thanks", "Thanks, {first_name}! {my_name}", false);
        assertThat(templates.list(kim)).extracting(ReplyTemplate::name).contains("Kim's thanks", "Refill sent to pharmacy");
        assertThat(templates.list(demo.actor(PATEL))).extracting(ReplyTemplate::name).doesNotContain("Kim's thanks")
                .contains("Refill sent to pharmacy");
        assertThatThrownBy(() -> templates.get(demo.actor(PATEL), own.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> templates.update(demo.actor(PATEL), own.id(), "x", "y"))
                .isInstanceOf(NotFoundException.class);

        templates.update(kim, own.id(), "Kim's thanks", "Thank you, {first_name}.");
        assertThat(templates.get(kim, own.id()).body()).isEqualTo("Thank you, {first_name}.");
        templates.delete(kim, own.id());
        assertThatThrownBy(() -> templates.get(kim, own.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyPracticeAdminsChangeThePracticesTemplates() {
        assertThatThrownBy(() -> templates.create(demo.actor(KIM), "Everyone", "Hello", true))
                .isInstanceOf(ForbiddenException.class);
        var practiceWide = templates.list(demo.actor(KIM)).stream().filter(ReplyTemplate::practiceWide).findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> templates.update(demo.actor(KIM), practiceWide.id(), "Mine now", "x"))
                .isInstanceOf(ForbiddenException.class);
        ReplyTemplate made = templates.create(demo.actor(RIVERSIDE_ADMIN), "Closed for holiday",
                "Hi {first_name}, {practice} is closed on Monday.", true);
        assertThat(templates.list(demo.actor(KIM))).extracting(ReplyTemplate::id).contains(made.id());
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'template.changed' and target_id = :id")
                .param("id", made.id().toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anotherPracticesTemplatesAreNotFoundAndPatientsHaveNone() {
        ReplyTemplate lakeside = templates.create(demo.actor(LAKESIDE_ADMIN), "Lakeside only", "Hello", true);
        assertThat(templates.list(demo.actor(RIVERSIDE_ADMIN))).extracting(ReplyTemplate::id).doesNotContain(lakeside.id());
        assertThatThrownBy(() -> templates.get(demo.actor(RIVERSIDE_ADMIN), lakeside.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> templates.delete(demo.actor(RIVERSIDE_ADMIN), lakeside.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> templates.list(demo.actor(ALICE))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void badTemplatesAreRefusedWithTheFieldNamed() {
        var kim = demo.actor(KIM);
        assertThatThrownBy(() -> templates.create(kim, " ", "Hello", false))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> templates.create(kim, "Typo", "Hi {firstname}", false))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("body");
                    assertThat(e.getMessage()).contains("{firstname}").contains("{firstName}");
                });
        assertThatThrownBy(() -> templates.create(kim, "Long", "x".repeat(ReplyTemplates.MAX_BODY + 1), false))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void placeholdersAreFilledForThePatient() {
        String filled = ReplyPlaceholders.fill("Hi {first_name} {last_name}, {team} at {practice}. {my_name} {unknown}",
                ReplyPlaceholders.values("Alice", "Walker", "Riverside Family Medicine", "Dr. Patel's team",
                        "Jenny Kim, RN"));
        assertThat(filled).isEqualTo(
                "Hi Alice Walker, Dr. Patel's team at Riverside Family Medicine. Jenny Kim, RN {unknown}");
        assertThat(ReplyPlaceholders.fill("{first_name}", Map.of("first_name", "$1 \\o/"))).isEqualTo("$1 \\o/");
    }
}
