package io.bedside.notification.web;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bedside.identity.PatientProfiles;
import io.bedside.notification.Channel;
import io.bedside.notification.FailedNotices;
import io.bedside.notification.NotificationPreferences;
import io.bedside.notification.StaffMessages;
import io.bedside.notification.TextNumberUnconfirmed;
import io.bedside.notification.sms.TextConsent;
import io.bedside.notification.internal.DevMailbox;
import io.bedside.notification.internal.PushDevices;
import io.bedside.shared.Actor;
import io.bedside.shared.HumanTimes;
import io.bedside.shared.InvalidRequestException;
import io.bedside.shared.NotFoundException;
import io.bedside.shared.UnprocessableException;
import io.bedside.web.Phones;
import io.bedside.web.WebPage;

/**
 * The notification pages: each person's settings, the one-click unsubscribe (no sign-in; it says
 * nothing about whose link it is), the demo mailbox, and the notices that failed, for admins.
 */
@Controller
@WebPage
class NotificationPages {

    private final NotificationPreferences preferences;
    private final DevMailbox mailbox;
    private final FailedNotices failedNotices;
    private final boolean demo;
    private final PatientProfiles profiles;
    private final MessageSource messages;
    private final TextConsent textConsent;
    private final PushDevices pushDevices;

    /** The time zones offered in the settings (the reader's own is added when it is another). */
    private static final List<String> ZONES = List.of("America/New_York", "America/Chicago", "America/Denver",
            "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico",
            "UTC");

    NotificationPages(NotificationPreferences preferences, DevMailbox mailbox, FailedNotices failedNotices,
            @Value("${bedside.demo:false}") boolean demo, PatientProfiles profiles, MessageSource messages,
            PushDevices pushDevices, TextConsent textConsent) {
        this.textConsent = textConsent;
        this.pushDevices = pushDevices;
        this.preferences = preferences;
        this.mailbox = mailbox;
        this.failedNotices = failedNotices;
        this.demo = demo;
        this.profiles = profiles;
        this.messages = messages;
    }

    /** A patient's agreements to texting, with the words shown on the page in their language. */
    @PostMapping("/app/settings/text-consent")
    String textConsent(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String texting,
            @RequestParam(required = false) String healthInformation, Model model, HttpServletResponse response,
            Locale locale) {
        var current = preferences.get(actor);
        Form form = new Form(current.channel().code(), current.hasQuietHours() ? current.quietStart().toString() : "",
                current.hasQuietHours() ? current.quietEnd().toString() : "", current.timeZone().getId(), null, null,
                null);
        try {
            textConsent.agree(actor, "yes".equals(texting), "yes".equals(healthInformation), locale);
            return "redirect:/app/settings/notifications?consentSaved#texting";
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            return page(model, actor, locale, form, Map.of(e.field(), e.getMessage()));
        } catch (UnprocessableException e) {
            response.setStatus(422);
            return page(model, actor, locale, form, Map.of("texting", e.getMessage()));
        }
    }

    /** A time zone in the list: its id, and its name as people know it (“Eastern Time (New York)”). */
    record ZoneChoice(String id, String label) {
    }

    @GetMapping("/app/settings/notifications")
    String settings(@AuthenticationPrincipal Actor actor, Model model, Locale locale) {
        var current = preferences.get(actor);
        return page(model, actor, locale, new Form(current.channel().code(),
                current.hasQuietHours() ? current.quietStart().toString() : "",
                current.hasQuietHours() ? current.quietEnd().toString() : "", current.timeZone().getId(),
                current.staffMessages() == null ? null : current.staffMessages().code(), current.phone(), null),
                Map.of());
    }

    /**
     * Saves the choices. A patient choosing text messages confirms the number on their record the
     * first time (or gives one when there is none, saved to their record through their profile,
     * as on My details), so a notice never goes to a number they did not mean.
     */
    @PostMapping("/app/settings/notifications")
    String save(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String quietStart, @RequestParam(required = false) String quietEnd,
            @RequestParam(required = false) String timeZone, @RequestParam(required = false) String staffMessages,
            @RequestParam(required = false) String phone, @RequestParam(required = false) String patientPhone,
            @RequestParam(required = false) String confirmPhone, Model model, HttpServletResponse response,
            Locale locale) {
        // The page shows the staff-only fields to staff alone; a patient's form never sends them.
        Form form = new Form(channel, quietStart, quietEnd, timeZone, actor.isStaff() ? staffMessages : null,
                actor.isStaff() ? phone : null, actor.isPatient() ? patientPhone : null);
        try {
            preferences.updateConfirmingNumber(actor, channel, quietStart, quietEnd, timeZone, form.staffMessages(),
                    form.phone(), patientPhone, "yes".equals(confirmPhone));
            return "redirect:/app/settings/notifications?saved";
        } catch (TextNumberUnconfirmed e) {
            response.setStatus(400);
            return page(model, actor, locale, form, Map.of(e.field(), numberText(e, actor, locale)));
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            return page(model, actor, locale, form, Map.of(e.field(), e.getMessage()));
        } catch (UnprocessableException e) {
            response.setStatus(422);
            return page(model, actor, locale, form, Map.of("channel", e.getMessage()));
        }
    }

    /** The reader's words for a number to give, or the number on file to confirm. */
    private String numberText(TextNumberUnconfirmed e, Actor actor, Locale locale) {
        return e.numberOnFile()
                ? messages.getMessage("notify.sms.confirmNeeded",
                        new Object[] {Phones.shown(profiles.profile(actor).phone())}, locale)
                : messages.getMessage("notify.sms.numberNeeded", null, locale);
    }

    /** What the settings form shows: the saved choices, or what was just sent back with its errors. */
    private record Form(String channel, String quietStart, String quietEnd, String timeZone, String staffMessages,
            String phone, String patientPhone) {
    }

    private String page(Model model, Actor actor, Locale locale, Form form, Map<String, String> errors) {
        model.addAttribute("channels", Channel.choices());
        model.addAttribute("channel", form.channel() == null ? "email" : form.channel());
        model.addAttribute("quietStart", form.quietStart() == null ? "" : form.quietStart());
        model.addAttribute("quietEnd", form.quietEnd() == null ? "" : form.quietEnd());
        model.addAttribute("timeZone", form.timeZone() == null ? "" : form.timeZone());
        model.addAttribute("zones", zones(form.timeZone(), locale));
        model.addAttribute("staff", actor.isStaff());
        model.addAttribute("staffChoices", StaffMessages.values());
        model.addAttribute("staffMessages", form.staffMessages() == null ? StaffMessages.MINE.code() : form.staffMessages());
        model.addAttribute("phone", form.phone() == null ? "" : form.phone());
        if (actor.isPatient()) {
            String onFile = profiles.profile(actor).phone();
            model.addAttribute("smsNumber", onFile == null || onFile.isBlank() ? null : Phones.shown(onFile));
            model.addAttribute("patientPhone", form.patientPhone() == null ? "" : form.patientPhone());
            model.addAttribute("texting", preferences.get(actor).channel() == Channel.SMS);
            if (actor.ownPatientId().isPresent()) {
                model.addAttribute("textConsent", textConsent.state(actor));
                model.addAttribute("textingWords", textConsent.textingWords(locale));
                model.addAttribute("healthWords", textConsent.healthWords(locale));
            }
        }
        model.addAttribute("errors", errors);
        // Web Push: the devices told of new messages, and the key this browser subscribes with.
        model.addAttribute("pushDevices", pushDevices.devices(actor));
        model.addAttribute("pushKey", pushDevices.publicKey(actor));
        return "notification/settings";
    }

    private static List<ZoneChoice> zones(String current, Locale locale) {
        List<ZoneChoice> zones = new ArrayList<>();
        ZONES.forEach(id -> zones.add(new ZoneChoice(id, HumanTimes.zoneName(ZoneId.of(id), locale))));
        if (current != null && !current.isBlank() && !ZONES.contains(current)) {
            try {
                zones.add(new ZoneChoice(current, HumanTimes.zoneName(ZoneId.of(current), locale)));
            } catch (DateTimeException notAZone) {
                zones.add(new ZoneChoice(current, current));
            }
        }
        return zones;
    }

    /** "Stop notifying": one of the reader's devices stops getting push notices (another person's is 404). */
    @PostMapping("/app/settings/notifications/devices/{id}/remove")
    String removeDevice(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        pushDevices.remove(actor, id);
        return "redirect:/app/settings/notifications?deviceRemoved";
    }

    /** The link in every notice. Shows a button; only the POST turns notices off (mail scanners GET links). */
    @GetMapping("/unsubscribe/{token}")
    String unsubscribePage(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("valid", preferences.isUnsubscribeToken(token));
        return "notification/unsubscribe";
    }

    /** The button, and RFC 8058 one-click unsubscribe from mail programs (no sign-in, no CSRF token). */
    @PostMapping("/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, Model model) {
        model.addAttribute("done", preferences.unsubscribe(token));
        model.addAttribute("token", token);
        model.addAttribute("valid", true);
        return "notification/unsubscribe";
    }

    /** Demo mode: what would have been sent to the reader (a patient) or their practice (staff). */
    @GetMapping("/app/dev/mailbox")
    String devMailbox(@AuthenticationPrincipal Actor actor, Model model) {
        if (!demo) {
            throw new NotFoundException();
        }
        model.addAttribute("items", mailbox.latestFor(actor, 100));
        model.addAttribute("staff", actor.isStaff());
        return "notification/mailbox";
    }

    @GetMapping("/app/admin/notifications")
    String failed(@AuthenticationPrincipal Actor actor, Model model) {
        model.addAttribute("failed", failedNotices.latest(actor, 100));
        return "notification/failed";
    }
}
