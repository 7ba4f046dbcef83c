package io.bedside.workflow.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bedside.messaging.ReplyPlaceholders;
import io.bedside.shared.Actor;
import io.bedside.shared.ForbiddenException;
import io.bedside.shared.InvalidRequestException;
import io.bedside.workflow.ReplyTemplate;
import io.bedside.workflow.ReplyTemplates;
import io.bedside.workflow.TemplateId;
import io.bedside.web.WebPage;

/** Quick-reply templates: everyone on staff keeps their own; practice admins keep the practice's. */
@Controller
@WebPage
class TemplatePages {

    private final ReplyTemplates templates;

    TemplatePages(ReplyTemplates templates) {
        this.templates = templates;
    }

    @GetMapping("/app/templates")
    String list(@AuthenticationPrincipal Actor actor, Model model) {
        return listPage(actor, model, new Form(null, "", "", false), Map.of());
    }

    @PostMapping("/app/templates")
    String create(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String name,
            @RequestParam(required = false) String body, @RequestParam(required = false) String scope, Model model,
            HttpServletResponse response) {
        boolean practiceWide = "practice".equals(scope);
        try {
            templates.create(actor, name, body, practiceWide);
            return "redirect:/app/templates?saved";
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            return listPage(actor, model, new Form(null, name, body, practiceWide), Map.of(e.field(), e.getMessage()));
        }
    }

    @GetMapping("/app/templates/{id}")
    String edit(@AuthenticationPrincipal Actor actor, @PathVariable TemplateId id, Model model) {
        ReplyTemplate t = templates.get(actor, id);
        return editPage(actor, model, new Form(t.id(), t.name(), t.body(), t.practiceWide()), Map.of());
    }

    @PostMapping("/app/templates/{id}")
    String update(@AuthenticationPrincipal Actor actor, @PathVariable("id") TemplateId templateId,
            @RequestParam(required = false) String name, @RequestParam(required = false) String body, Model model,
            HttpServletResponse response) {
        try {
            templates.update(actor, templateId, name, body);
            return "redirect:/app/templates?saved";
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            ReplyTemplate t = templates.get(actor, templateId);
            return editPage(actor, model, new Form(templateId, name, body, t.practiceWide()), Map.of(e.field(), e.getMessage()));
        }
    }

    @PostMapping("/app/templates/{id}/delete")
    String delete(@AuthenticationPrincipal Actor actor, @PathVariable TemplateId id) {
        templates.delete(actor, id);
        return "redirect:/app/templates?deleted";
    }

    /** The form as typed. */
    record Form(TemplateId id, String name, String body, boolean practiceWide) {
    }

    private String listPage(Actor actor, Model model, Form form, Map<String, String> errors) {
        model.addAttribute("templates", templates.list(actor));
        model.addAttribute("mayChangePractice", actor.isPracticeAdmin());
        common(model, form, errors);
        return "workflow/templates";
    }

    private String editPage(Actor actor, Model model, Form form, Map<String, String> errors) {
        if (form.practiceWide() && !actor.isPracticeAdmin()) {
            throw new ForbiddenException("Only practice admins change the practice's templates.");
        }
        common(model, form, errors);
        return "workflow/template";
    }

    private static void common(Model model, Form form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("placeholders", ReplyPlaceholders.NAMES);
    }
}
