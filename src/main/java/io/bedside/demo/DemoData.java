package io.bedside.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.bedside.identity.Accounts;
import io.bedside.identity.ProxyGrants;
import io.bedside.patient.NewPatient;
import io.bedside.patient.RosterEntry;
import io.bedside.patient.Patient;
import io.bedside.patient.Patients;
import io.bedside.patient.Sex;
import io.bedside.practice.CareTeams;
import io.bedside.practice.OfficeHours;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.practice.StaffMember;
import io.bedside.shared.CareTeamId;
import io.bedside.shared.Relationship;
import io.bedside.shared.Command;
import io.bedside.shared.StaffRole;
import io.bedside.shared.UserId;
import io.bedside.workflow.ReplyTemplates;

/**
 * Seeds the demo practices of DESIGN.md once: a restart finds them and seeds nothing. Every demo
 * account's password is {@value #PASSWORD}.
 */
@Component
@Order(0)
@ConditionalOnBooleanProperty("bedside.demo")
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo-password";
    static final String RIVERSIDE = "riverside";
    static final String LAKESIDE = "lakeside";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Practices practices;
    private final CareTeams careTeams;
    private final Patients patients;
    private final Accounts accounts;
    private final ProxyGrants proxies;
    private final ReplyTemplates templates;
    private final TransactionTemplate transaction;
    private final boolean officeHours;
    private final ObjectProvider<Command> commands;

    DemoData(ObjectProvider<Command> commands, Practices practices, CareTeams careTeams, Patients patients, Accounts accounts,
            ProxyGrants proxies,
            ReplyTemplates templates, TransactionTemplate transaction,
            @Value("${bedside.demo.office-hours:true}") boolean officeHours) {
        this.officeHours = officeHours;
        this.commands = commands;
        this.practices = practices;
        this.careTeams = careTeams;
        this.patients = patients;
        this.accounts = accounts;
        this.proxies = proxies;
        this.templates = templates;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (commands.stream().findAny().isPresent()) {
            // An operator's command (setup, keys, audit check) changes only what it is asked to.
            log.info("A command run: no demo data seeded.");
            return;
        }
        // The two practices share nothing, so they are seeded side by side, each in its own
        // transaction: most of the time goes into hashing the eight demo passwords (Argon2id, on its
        // first calls not yet compiled), and two threads about halve it on two cores. Each practice
        // is looked for on its own, so a start that stopped half-way seeds the other one next time.
        CompletableFuture<Boolean> lakeside = CompletableFuture.supplyAsync(() -> seed(LAKESIDE, this::seedLakeside),
                work -> new Thread(work, "demo-seeding").start());
        boolean seeded = seed(RIVERSIDE, this::seedRiverside);
        try {
            seeded |= lakeside.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        if (seeded) {
            log.warn("DEMO MODE: seeded two fictitious practices; every demo account's password is '{}'.", PASSWORD);
        } else {
            log.info("Demo data already present; nothing seeded.");
        }
    }

    /** Seeds one practice unless it exists; whether this call seeded it. */
    private boolean seed(String slug, Runnable seeding) {
        if (practices.existsWithSlug(slug)) {
            return false;
        }
        try {
            transaction.executeWithoutResult(status -> seeding.run());
            return true;
        } catch (DuplicateKeyException e) {
            log.info("Demo practice {} was seeded concurrently by another node; not seeded here.", slug);
            return false;
        }
    }

    private void seedRiverside() {
        Practice practice = practices.create(RIVERSIDE, "Riverside Family Medicine", ZoneId.of("America/New_York"), "en");
        StaffMember patel = accounts.createStaff(practice.id(), "dr.patel@riverside.example", PASSWORD,
                "Dr. Priya Patel", StaffRole.PHYSICIAN, "Family physician");
        // Demo accounts, and only they, sign in without the authenticator code (DESIGN.md).
        accounts.exemptFromTwoStep(patel.id());
        StaffMember kim = accounts.createStaff(practice.id(), "nurse.kim@riverside.example", PASSWORD,
                "Jenny Kim, RN", StaffRole.NURSE, "Registered nurse");
        accounts.exemptFromTwoStep(kim.id());
        StaffMember admin = accounts.createStaff(practice.id(), "admin@riverside.example", PASSWORD,
                "Sam Rivera", StaffRole.PRACTICE_ADMIN, "Practice manager");
        accounts.exemptFromTwoStep(admin.id());

        CareTeamId patelTeam = careTeams.create(practice.id(), "Dr. Patel's team",
                "Questions, prescription refills, referrals and appointments.", 24);
        careTeams.addMember(practice.id(), patelTeam, patel.id());
        careTeams.addMember(practice.id(), patelTeam, kim.id());
        CareTeamId billing = careTeams.create(practice.id(), "Billing & front desk",
                "Bills, insurance and paperwork.", 48);
        careTeams.addMember(practice.id(), billing, admin.id());
        careTeams.setLead(practice.id(), patelTeam, patel.id());
        careTeams.setOnCall(practice.id(), patelTeam, kim.id(), true);
        careTeams.setLead(practice.id(), billing, admin.id());
        careTeams.setHandlesBilling(practice.id(), billing, true);
        careTeams.setOnCall(practice.id(), billing, admin.id(), true);
        if (officeHours) {
            careTeams.setOfficeHours(practice.id(), patelTeam, OfficeHours.weekdays(LocalTime.of(8, 0), LocalTime.of(17, 0)));
            careTeams.setOfficeHours(practice.id(), billing, OfficeHours.weekdays(LocalTime.of(9, 0), LocalTime.of(16, 0)));
            careTeams.setHolidays(practice.id(), Map.of(LocalDate.of(2026, 11, 26), "Thanksgiving",
                    LocalDate.of(2026, 12, 25), "Christmas Day", LocalDate.of(2027, 1, 1), "New Year's Day"));
        }
        templates.createPracticeTemplate(practice.id(), admin.id(), "Refill sent to pharmacy",
                "Hi {firstName}, your refill has been sent to your pharmacy. It is usually ready to pick up within "
                        + "24 hours. Reply here if anything is unclear.\n\n{myName}, {careTeam}");
        templates.createPracticeTemplate(practice.id(), admin.id(), "Appointment booked",
                "Hi {firstName}, we have booked your appointment. You will find the date and time in your "
                        + "confirmation. If it does not suit you, reply here and we will find another.\n\n{myName}");
        templates.createPracticeTemplate(practice.id(), admin.id(), "Results normal",
                "Hi {firstName}, your results are back and they are normal. No action is needed.\n\n{myName}, {careTeam}");
        templates.createPracticeTemplate(practice.id(), admin.id(), "Need more information",
                "Hi {firstName}, thank you for your message. So that we can help, could you tell us a little more: "
                        + "since when, and how it affects your day?\n\n{myName}");

        Patient alice = patients.register(practice.id(), new NewPatient("RFM-1001", "Alice", "Walker",
                LocalDate.of(1985, 3, 14), Sex.FEMALE, "alice@patients.example", "+15555550101", "en"));
        accounts.createPatientAccount(practice.id(), alice.id(), "alice@patients.example", PASSWORD);
        Patient bob = patients.register(practice.id(), new NewPatient("RFM-1002", "Bob", "Martinez",
                LocalDate.of(1958, 11, 2), Sex.MALE, "bob@patients.example", "+15555550102", "es"));
        accounts.createPatientAccount(practice.id(), bob.id(), "bob@patients.example", PASSWORD);
        // Dr. Patel is Alice's and Bob's own physician: her team comes first on their home screen.
        patients.setPrimaryProvider(practice.id(), alice.id(), patel.id());
        patients.setPrimaryProvider(practice.id(), bob.id(), patel.id());
        // What a roster import would have brought: tags and last visits, for campaign cohorts.
        patients.upsertRoster(practice.id(), List.of(
                new RosterEntry("RFM-1001", "Alice", "Walker", LocalDate.of(1985, 3, 14), Sex.FEMALE,
                        "alice@patients.example", "+15555550101", "en", List.of("diabetes"), LocalDate.of(2025, 9, 10)),
                new RosterEntry("RFM-1002", "Bob", "Martinez", LocalDate.of(1958, 11, 2), Sex.MALE,
                        "bob@patients.example", "+15555550102", "es", List.of("diabetes", "hypertension"),
                        LocalDate.of(2024, 11, 20))));
    }

    private void seedLakeside() {
        Practice practice = practices.create(LAKESIDE, "Lakeside Pediatrics", ZoneId.of("America/Chicago"), "en");
        StaffMember lee = accounts.createStaff(practice.id(), "dr.lee@lakeside.example", PASSWORD,
                "Dr. Daniel Lee", StaffRole.PHYSICIAN, "Pediatrician");
        accounts.exemptFromTwoStep(lee.id());
        StaffMember admin = accounts.createStaff(practice.id(), "admin@lakeside.example", PASSWORD,
                "Maria Gomez", StaffRole.PRACTICE_ADMIN, "Office manager");
        accounts.exemptFromTwoStep(admin.id());
        CareTeamId pediatrics = careTeams.create(practice.id(), "Pediatrics",
                "Your child's doctor and nurses.", 24);
        careTeams.addMember(practice.id(), pediatrics, lee.id());
        careTeams.addMember(practice.id(), pediatrics, admin.id());
        careTeams.setLead(practice.id(), pediatrics, lee.id());
        careTeams.setOnCall(practice.id(), pediatrics, lee.id(), true);
        if (officeHours) {
            careTeams.setOfficeHours(practice.id(), pediatrics, OfficeHours.weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0)));
        }
        templates.createPracticeTemplate(practice.id(), admin.id(), "Refill sent to pharmacy",
                "Hello, {firstName}'s refill has been sent to your pharmacy.\n\n{myName}, {practice}");

        Patient carol = patients.register(practice.id(), new NewPatient("LP-2001", "Carol", "Nguyen",
                LocalDate.of(2010, 6, 21), Sex.FEMALE, "carol@patients.example", "+15555550103", "en"));
        accounts.createPatientAccount(practice.id(), carol.id(), "carol@patients.example", PASSWORD);
        patients.setPrimaryProvider(practice.id(), carol.id(), lee.id());
        patients.upsertRoster(practice.id(), List.of(new RosterEntry("LP-2001", "Carol", "Nguyen",
                LocalDate.of(2010, 6, 21), Sex.FEMALE, "carol@patients.example", "+15555550103", "en",
                List.of("asthma"), LocalDate.of(2026, 8, 1))));

        // Family access: Leo has no account of his own; his and Carol's mother Maria is not the
        // practice's patient, so her account has no record and goes by its own name.
        Patient leo = patients.register(practice.id(), new NewPatient("LP-2002", "Leo", "Nguyen",
                LocalDate.of(2019, 3, 2), Sex.MALE, null, null, "en"));
        patients.setPrimaryProvider(practice.id(), leo.id(), lee.id());
        UserId maria = proxies.createProxyAccount(practice.id(), "maria@patients.example", PASSWORD, "Maria Nguyen");
        proxies.seed(practice.id(), leo.id(), maria, Relationship.PARENT, admin.id());
        proxies.seed(practice.id(), carol.id(), maria, Relationship.PARENT, admin.id());
    }
}
