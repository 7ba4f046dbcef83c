package io.bedside.identity.web;

import java.util.function.BooleanSupplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.bedside.audit.AuditRecord;
import io.bedside.audit.AuditTrail;
import io.bedside.identity.Accounts;
import io.bedside.identity.internal.PasswordSignIn;
import io.bedside.identity.internal.RecoveryCodes;
import io.bedside.identity.internal.TwoStep;
import io.bedside.identity.internal.TwoStepGate;
import io.bedside.practice.Practice;
import io.bedside.practice.Practices;
import io.bedside.shared.Actor;
import io.bedside.shared.TooManyRequestsException;

/**
 * The second step of a staff member's sign-in: the code from their authenticator app, or the
 * first time, setting the app up by scanning a QR code and typing one code (after which the
 * account's recovery codes are shown, once), or a recovery code in place of the app's. Wrong codes are
 * throttled per account as in the API ({@link PasswordSignIn#codeAccepted}); a right one lets the session through (with a new
 * session id) to where the person was going.
 */
@Controller
class TwoStepPages {

    /** The last step of a member of staff's setup: a passkey on this device, which may be skipped. */
    static final String PASSKEY_OFFER = "/app/settings/passkeys?welcome";

    private final TwoStep twoStep;
    private final Accounts accounts;
    private final Practices practices;
    private final PasswordSignIn signIn;
    private final AuditTrail audit;
    private final RecoveryCodes recoveryCodes;

    TwoStepPages(TwoStep twoStep, Accounts accounts, Practices practices, PasswordSignIn signIn, AuditTrail audit,
            RecoveryCodes recoveryCodes) {
        this.recoveryCodes = recoveryCodes;
        this.twoStep = twoStep;
        this.accounts = accounts;
        this.practices = practices;
        this.signIn = signIn;
        this.audit = audit;
    }

    @GetMapping(TwoStepGate.VERIFY_PAGE)
    String verifyPage(HttpSession session, Model model) {
        if (!TwoStepGate.VERIFY.equals(session.getAttribute(TwoStepGate.PENDING))) {
            return "redirect:/app";
        }
        model.addAttribute("error", null);
        model.addAttribute("recovery", false);
        return "identity/two-step";
    }

    /**
     * The code from the app, or ({@code recoveryCode}, from "use a recovery code instead") one of
     * the account's recovery codes in its place, under the same throttle. A recovery code leads to
     * the two-step settings, which say how many are left.
     */
    @PostMapping(TwoStepGate.VERIFY_PAGE)
    String verify(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String recoveryCode, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        HttpSession session = request.getSession();
        if (!TwoStepGate.VERIFY.equals(session.getAttribute(TwoStepGate.PENDING))) {
            return "redirect:/app";
        }
        boolean recovery = !recoveryCode.isBlank();
        if (!checked(actor, request, () -> recovery ? twoStep.verifyOrRecover(actor, recoveryCode)
                : twoStep.verify(actor.userId(), actor.practiceId(), code))) {
            model.addAttribute("recovery", recovery);
            return wrong(request, response, model, "identity/two-step");
        }
        if (recovery) {
            // RecoveryCodes audited the code's use.
            through(actor, request, response, null);
            return "redirect:" + TwoStepSettingsPages.PATH + "?recoveryUsed";
        }
        return through(actor, request, response, "two-step.verified");
    }

    @GetMapping(TwoStepGate.SETUP_PAGE)
    String setupPage(@AuthenticationPrincipal Actor actor, HttpSession session, Model model) {
        if (!TwoStepGate.SETUP.equals(session.getAttribute(TwoStepGate.PENDING))) {
            return "redirect:/app";
        }
        model.addAttribute("error", null);
        return setup(actor, model);
    }

    @PostMapping(TwoStepGate.SETUP_PAGE)
    String confirm(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "") String code,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes flash) {
        HttpSession session = request.getSession();
        if (!TwoStepGate.SETUP.equals(session.getAttribute(TwoStepGate.PENDING))) {
            return "redirect:/app";
        }
        if (!checked(actor, request, () -> twoStep.confirm(actor.userId(), actor.practiceId(), code))) {
            String view = wrong(request, response, model, null);
            return view != null ? view : setup(actor, model);
        }
        // The app works: the recovery codes, shown once on the next page, then the end of the setup
        // (after an invitation, or a reset): a passkey on this device, offered and skippable, which
        // from then on replaces both the password and the code.
        through(actor, request, response, "two-step.enrolled");
        flash.addFlashAttribute(TwoStepSettingsPages.NEW_CODES, recoveryCodes.issue(actor));
        flash.addFlashAttribute(TwoStepSettingsPages.NEXT, PASSKEY_OFFER);
        return "redirect:" + TwoStepSettingsPages.PATH;
    }

    private String setup(Actor actor, Model model) {
        String email = accounts.contactOf(actor.userId()).map(Accounts.Contact::email).orElse("");
        String practice = practices.find(actor.practiceId()).map(Practice::name).orElse("Bedside");
        twoStep.setup(actor.userId(), actor.practiceId(), email, "Bedside (" + practice + ")")
                .ifPresent(setup -> {
                    model.addAttribute("setup", setup);
                    model.addAttribute("groupedSecret", setup.secret().replaceAll("(.{4})(?!$)", "$1 "));
                });
        return "identity/two-step-setup";
    }

    private boolean checked(Actor actor, HttpServletRequest request, BooleanSupplier check) {
        try {
            if (signIn.codeAccepted(actor.userId(), request.getRemoteAddr(), check)) {
                return true;
            }
        } catch (TooManyRequestsException e) {
            request.setAttribute("throttled", true);
            return false;
        }
        audit.record(AuditRecord.denied(actor, "two-step.failed", "staff", actor.userId()));
        return false;
    }

    /** Too many wrong codes end the session; one wrong code asks again (400). */
    private static String wrong(HttpServletRequest request, HttpServletResponse response, Model model, String view) {
        if (Boolean.TRUE.equals(request.getAttribute("throttled"))) {
            request.getSession().invalidate();
            return "redirect:/login?throttled";
        }
        response.setStatus(400);
        model.addAttribute("error", "wrong");
        return view;
    }

    private String through(Actor actor, HttpServletRequest request, HttpServletResponse response, String action) {
        HttpSession session = request.getSession();
        session.removeAttribute(TwoStepGate.PENDING);
        // A new session id now that the session is fully signed in.
        request.changeSessionId();
        if (action != null) {
            audit.record(AuditRecord.allowed(actor, null, action, "staff", actor.userId()));
        }
        SavedRequest saved = new HttpSessionRequestCache().getRequest(request, response);
        return "redirect:" + (saved != null ? saved.getRedirectUrl() : "/app");
    }
}
