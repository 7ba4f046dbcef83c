package io.bedside.notification.internal;

import io.bedside.identity.CredentialChange;
import io.bedside.notification.internal.NotificationRows.Kind;
import io.bedside.shared.CareTeamId;

/**
 * The words of a notice. Deliberately empty of health information: no subject, no text, no sender,
 * no kind of request, no file name, no patient name; only that there is something to read, from
 * which practice (and, for staff, which team's inbox), and where to sign in.
 */
record NoticeText(String subject, String body, String sms) {

    /** An invitation or a sign-in link: the one-time link is the point of the email. */
    static NoticeText link(Kind kind, String practice, String link, boolean spanish) {
        if (kind == Kind.INVITATION) {
            return spanish
                    ? new NoticeText("Su invitación a " + practice + " en Bedside",
                            practice + " le invita a enviar mensajes seguros a su equipo de atención con Bedside.\n\n"
                                    + "Cree su cuenta (el enlace sirve una vez, durante 7 días):\n" + link + "\n", null)
                    : new NoticeText("Your invitation to " + practice + " on Bedside",
                            practice + " invites you to send secure messages to your care team with Bedside.\n\n"
                                    + "Set up your account (the link works once, for 7 days):\n" + link + "\n", null);
        }
        return spanish
                ? new NoticeText("Su enlace para entrar en " + practice,
                        "Use este enlace para entrar en Bedside (sirve una vez, durante 15 minutos):\n" + link
                                + "\n\nSi no lo pidió, ignore este correo.\n", null)
                : new NoticeText("Your sign-in link for " + practice,
                        "Use this link to sign in to Bedside (it works once, for 15 minutes):\n" + link
                                + "\n\nIf you did not ask for it, ignore this email.\n", null);
    }

    /** A member of staff's invitation: the practice's name and the link, nothing about any patient. */
    static NoticeText staffInvitation(String practice, String link, boolean spanish) {
        return spanish
                ? new NoticeText("Su invitación al equipo de " + practice + " en Bedside",
                        practice + " le invita a responder los mensajes seguros de sus pacientes con Bedside.\n\n"
                                + "Elija su contraseña (el enlace sirve una vez, durante 7 días):\n" + link + "\n\n"
                                + "Al entrar por primera vez configurará el inicio de sesión en dos pasos con una "
                                + "aplicación de autenticación en su teléfono.\n", null)
                : new NoticeText("Your invitation to the " + practice + " team on Bedside",
                        practice + " invites you to answer its patients' secure messages with Bedside.\n\n"
                                + "Choose your password (the link works once, for 7 days):\n" + link + "\n\n"
                                + "At your first sign-in you will set up two-step sign-in with an authenticator "
                                + "app on your phone.\n", null);
    }

    /**
     * An invitation to family access: the practice's name and the link only. It never names the
     * patient (the address may be shared, or not the person meant); they see whom they act for once
     * signed in.
     */
    static NoticeText proxyInvitation(String practice, String link, boolean spanish) {
        return spanish
                ? new NoticeText("Su invitación a " + practice + " en Bedside",
                        practice + " le dio acceso para escribir a su equipo de atención con Bedside en nombre de "
                                + "alguien a quien usted cuida.\n\n"
                                + "Elija su contraseña (el enlace sirve una vez, durante 7 días):\n" + link + "\n\n"
                                + "Si no esperaba este correo, ignórelo.\n", null)
                : new NoticeText("Your invitation to " + practice + " on Bedside",
                        practice + " gave you access to write to its care team on Bedside for someone you care for.\n\n"
                                + "Choose your password (the link works once, for 7 days):\n" + link + "\n\n"
                                + "If you did not expect this email, ignore it.\n", null);
    }

    /** A password reset link: the practice's name and the link, nothing about any patient. */
    static NoticeText passwordReset(String practice, String link, boolean spanish) {
        return spanish
                ? new NoticeText("Restablezca su contraseña de " + practice + " en Bedside",
                        "Alguien pidió restablecer la contraseña de su cuenta de Bedside en " + practice + ".\n\n"
                                + "Elija una contraseña nueva (el enlace sirve una vez, durante 15 minutos):\n" + link
                                + "\n\nAl cambiarla se cerrarán todas sus otras sesiones. Si no lo pidió, ignore este "
                                + "correo: su contraseña no cambia.\n", null)
                : new NoticeText("Reset your " + practice + " password on Bedside",
                        "Someone asked to reset the password of your Bedside account at " + practice + ".\n\n"
                                + "Choose a new password (the link works once, for 15 minutes):\n" + link
                                + "\n\nSetting it signs you out everywhere else. If you did not ask for this, ignore "
                                + "this email: your password stays as it is.\n", null);
    }

    /**
     * A notice of something to read. A patient's carries the unsubscribe link; a member of
     * staff's ({@code unsubscribeUrl} null: staff alerts are work, not marketing) points at the
     * settings page where they choose what they hear of.
     */
    static NoticeText of(Kind kind, String practice, String team, CareTeamId teamId,
            String baseUrl, String unsubscribeUrl, boolean spanish) {
        String signIn = baseUrl + "/login";
        String settings = baseUrl + "/app/settings/notifications";
        String staffFooter = "\n\nTo choose which notices you get: " + settings + "\n";
        return switch (kind) {
            case NEW_MESSAGE -> spanish
                    ? new NoticeText("Nuevo mensaje seguro de " + practice,
                            "Tiene un nuevo mensaje seguro de " + practice + ". Inicie sesión para leerlo: " + signIn
                                    + "\n\nPara dejar de recibir estos avisos: " + unsubscribeUrl + "\n",
                            "Tiene un nuevo mensaje seguro de " + practice + ". Inicie sesión para leerlo: " + signIn)
                    : new NoticeText("New secure message from " + practice,
                            "You have a new secure message from " + practice + ". Sign in to read it: " + signIn
                                    + "\n\nTo stop these notices: " + unsubscribeUrl + "\n",
                            "You have a new secure message from " + practice + ". Sign in to read it: " + signIn);
            case PATIENT_MESSAGE -> {
                String inbox = baseUrl + "/app/inbox?filter=unread" + (teamId == null ? "" : "&team=" + teamId);
                yield spanish
                        ? new NoticeText("Nuevo mensaje de un paciente: " + team,
                                "Hay un nuevo mensaje seguro de un paciente en la bandeja de " + team + " en " + practice
                                        + ". Inicie sesión para leerlo: " + inbox
                                        + "\n\nPara elegir de qué mensajes recibe avisos: " + settings + "\n",
                                "Nuevo mensaje seguro de un paciente en la bandeja de " + team + " en " + practice + ": "
                                        + inbox)
                        : new NoticeText("New patient message: " + team,
                                "There is a new secure message from a patient in the " + team + " inbox at " + practice
                                        + ". Sign in to read it: " + inbox
                                        + "\n\nTo choose which patient messages you hear of: " + settings + "\n",
                                "New secure message from a patient in the " + team + " inbox at " + practice + ": "
                                        + inbox);
            }
            case URGENT -> new NoticeText("Urgent message waiting: " + team,
                    "A message flagged urgent is waiting in the " + team + " inbox at " + practice
                            + ". Sign in to read it: " + baseUrl + "/app/inbox?filter=urgent" + staffFooter,
                    "Urgent message waiting in the " + team + " inbox at " + practice + ": " + baseUrl
                            + "/app/inbox?filter=urgent");
            case OVERDUE -> new NoticeText("Overdue conversation: " + team,
                    "A conversation in the " + team + " inbox at " + practice
                            + " is past the time the team promised to answer. Sign in: " + baseUrl
                            + "/app/inbox?filter=open" + staffFooter,
                    "A conversation in the " + team + " inbox at " + practice + " is overdue: " + baseUrl + "/app/inbox");
            case INVITATION, SIGN_IN_LINK, STAFF_INVITATION, PROXY_INVITATION, EMAIL_CHANGE, EMAIL_CHANGED, PASSWORD_RESET,
                    CREDENTIAL_CHANGED, SMS_REPLY -> throw new IllegalArgumentException(
                    "links and account emails are made by link(), staffInvitation() and the email-change and password-reset methods");
        };
    }

    // ------------------------------------------------------------ a patient's change of email address

    /** To the new address: the link that confirms it (24 hours). */
    static NoticeText emailChange(String practice, String link, boolean spanish) {
        return spanish
                ? new NoticeText("Confirme su nuevo correo para " + practice,
                        "Se pidió usar esta dirección para su cuenta de Bedside en " + practice + ".\n\n"
                                + "Para confirmarla, abra este enlace (sirve una vez, durante 24 horas):\n" + link
                                + "\n\nHasta entonces, su dirección anterior sigue valiendo. Si no lo pidió, ignore este correo.\n",
                        null)
                : new NoticeText("Confirm your new email address for " + practice,
                        "Someone asked to use this address for their Bedside account at " + practice + ".\n\n"
                                + "To confirm it, open this link (it works once, for 24 hours):\n" + link
                                + "\n\nUntil then the old address stays in use. If you did not ask for this, ignore this email.\n",
                        null);
    }

    /** To a new address that already belongs to another account: nothing changes, and the asker learns nothing. */
    static NoticeText emailInUse(String practice, boolean spanish) {
        return spanish
                ? new NoticeText("Su correo no se pudo usar para " + practice,
                        "Se pidió usar esta dirección para una cuenta de Bedside en " + practice + ", pero ya "
                                + "pertenece a otra cuenta de Bedside, así que no se cambió nada.\n\n"
                                + "Si fue usted, entre con esta dirección, o use otra. Si no lo pidió, ignore este correo.\n",
                        null)
                : new NoticeText("Your email address could not be used for " + practice,
                        "Someone asked to use this address for a Bedside account at " + practice + ", but it "
                                + "already belongs to another Bedside account, so nothing was changed.\n\n"
                                + "If this was you, sign in with this address, or use another one. If not, ignore this email.\n",
                        null);
    }

    /** To the old address once the new one replaced it. */
    static NoticeText emailChanged(String practice, String baseUrl, boolean spanish) {
        return spanish
                ? new NoticeText("Se cambió el correo de su cuenta en " + practice,
                        "La dirección de correo de su cuenta de Bedside en " + practice + " se cambió, y ya no "
                                + "recibirá avisos en esta dirección.\n\nSi no fue usted, llame a " + practice
                                + " cuanto antes.\n" + baseUrl + "\n",
                        null)
                : new NoticeText("The email address of your " + practice + " account was changed",
                        "The email address of your Bedside account at " + practice + " was changed, and notices "
                                + "no longer come to this address.\n\nIf this wasn't you, call " + practice
                                + " as soon as you can.\n" + baseUrl + "\n",
                        null);
    }

    // ------------------------------------------------------------ security notices

    /**
     * A sign-in credential of the account changed: what, at which practice and when, and what to do
     * if it was not them. Nothing else: no patient, no message, no device detail.
     */
    static NoticeText credentialChanged(CredentialChange change, String practice, String when, String baseUrl,
            boolean spanish) {
        String security = baseUrl + "/app/settings/security";
        if (spanish) {
            String what = switch (change) {
                case PASSKEY_ADDED -> "Se añadió una llave de acceso (passkey) a su cuenta de Bedside en " + practice;
                case PASSKEY_REMOVED -> "Se quitó una llave de acceso (passkey) de su cuenta de Bedside en " + practice;
                case RECOVERY_CODES_REGENERATED -> "Se crearon códigos de recuperación nuevos para su cuenta de Bedside en "
                        + practice + " (los anteriores ya no sirven)";
                case RECOVERY_CODE_USED -> "Se usó un código de recuperación para entrar en su cuenta de Bedside en " + practice;
                case AUTHENTICATOR_RESET -> "Se restableció el inicio de sesión en dos pasos de su cuenta de Bedside en "
                        + practice + " (al entrar configurará de nuevo su aplicación de autenticación)";
            };
            String subject = switch (change) {
                case PASSKEY_ADDED -> "Aviso de seguridad: se añadió una llave de acceso";
                case PASSKEY_REMOVED -> "Aviso de seguridad: se quitó una llave de acceso";
                case RECOVERY_CODES_REGENERATED -> "Aviso de seguridad: códigos de recuperación nuevos";
                case RECOVERY_CODE_USED -> "Aviso de seguridad: se usó un código de recuperación";
                case AUTHENTICATOR_RESET -> "Aviso de seguridad: se restableció el inicio de sesión en dos pasos";
            };
            return new NoticeText(subject, what + " el " + when + ".\n\nSi no fue usted, llame a " + practice
                    + " cuanto antes y cambie su contraseña:\n" + security + "\n", null);
        }
        String what = switch (change) {
            case PASSKEY_ADDED -> "A passkey was added to your Bedside account at " + practice;
            case PASSKEY_REMOVED -> "A passkey was removed from your Bedside account at " + practice;
            case RECOVERY_CODES_REGENERATED -> "New recovery codes were made for your Bedside account at " + practice
                    + " (the old ones no longer work)";
            case RECOVERY_CODE_USED -> "A recovery code was used to sign in to your Bedside account at " + practice;
            case AUTHENTICATOR_RESET -> "The two-step sign-in of your Bedside account at " + practice
                    + " was reset (you will set up your authenticator app again when you next sign in)";
        };
        String subject = switch (change) {
            case PASSKEY_ADDED -> "Security notice: a passkey was added";
            case PASSKEY_REMOVED -> "Security notice: a passkey was removed";
            case RECOVERY_CODES_REGENERATED -> "Security notice: new recovery codes";
            case RECOVERY_CODE_USED -> "Security notice: a recovery code was used";
            case AUTHENTICATOR_RESET -> "Security notice: two-step sign-in was reset";
        };
        return new NoticeText(subject, what + " on " + when + ".\n\nIf this was not you, call " + practice
                + " as soon as you can and change your password:\n" + security + "\n", null);
    }

    // ------------------------------------------------------------ Web Push

    /**
     * Where a push notice opens Bedside (a path: the service worker opens only Bedside's own pages):
     * the patient's messages, or the staff inbox the email's link points at.
     */
    static String pushPath(Kind kind, CareTeamId teamId) {
        return switch (kind) {
            case PATIENT_MESSAGE -> "/app/inbox?filter=unread" + (teamId == null ? "" : "&team=" + teamId);
            case URGENT -> "/app/inbox?filter=urgent";
            case OVERDUE -> "/app/inbox?filter=open";
            default -> "/app/conversations";
        };
    }

    /**
     * A push notice's payload (encrypted for the device before it leaves): the email's subject as
     * the title and the text message's words as the body, so every channel says the same, and no
     * more: that there is something to read, from which practice.
     */
    static String pushPayload(NoticeText text, String path) {
        return "{\"title\":" + json(text.subject()) + ",\"body\":" + json(text.sms() == null ? "" : text.sms())
                + ",\"url\":" + json(path) + "}";
    }

    private static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
