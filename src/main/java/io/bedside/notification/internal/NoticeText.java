package io.bedside.notification.internal;

/**
 * The words of a notice. Deliberately empty of health information: no subject, no text, no sender,
 * no kind of request, no file name, no patient name; only that there is something to read, from
 * which practice (and, for staff, which team's inbox), and where to sign in.
 */
record NoticeText(String subject, String body, String sms) {

    /** An invitation or a sign-in link: the one-time link is the point of the email. */
    static NoticeText link(Outbox.Kind kind, String practice, String link, boolean spanish) {
        if (kind == Outbox.Kind.INVITATION) {
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
     * A notice of something to read. A patient's carries the unsubscribe link; a member of
     * staff's ({@code unsubscribeUrl} null: staff alerts are work, not marketing) points at the
     * settings page where they choose what they hear of.
     */
    static NoticeText of(Outbox.Kind kind, String practice, String team, io.bedside.shared.CareTeamId teamId,
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
            case INVITATION, SIGN_IN_LINK, STAFF_INVITATION -> throw new IllegalArgumentException("links are made by link() and staffInvitation()");
        };
    }
}
