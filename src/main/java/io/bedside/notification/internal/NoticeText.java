package io.bedside.notification.internal;

/**
 * The words of a notice. Deliberately empty of health information: no subject, no text, no sender,
 * no kind of request, no file name, no patient name; only that there is something to read, from
 * which practice (and, for staff, which team's inbox), and where to sign in.
 */
record NoticeText(String subject, String body, String sms) {

    static NoticeText of(Outbox.Kind kind, String practice, String team, String baseUrl, String unsubscribeUrl,
            boolean spanish) {
        String signIn = baseUrl + "/login";
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
            case URGENT -> new NoticeText("Urgent message waiting: " + team,
                    "A message flagged urgent is waiting in the " + team + " inbox at " + practice
                            + ". Sign in to read it: " + baseUrl + "/app/inbox?filter=urgent\n\nTo stop these notices: "
                            + unsubscribeUrl + "\n",
                    "Urgent message waiting in the " + team + " inbox at " + practice + ": " + baseUrl
                            + "/app/inbox?filter=urgent");
            case OVERDUE -> new NoticeText("Overdue conversation: " + team,
                    "A conversation in the " + team + " inbox at " + practice
                            + " is past the time the team promised to answer. Sign in: " + baseUrl
                            + "/app/inbox?filter=open\n\nTo stop these notices: " + unsubscribeUrl + "\n",
                    "A conversation in the " + team + " inbox at " + practice + " is overdue: " + baseUrl + "/app/inbox");
        };
    }
}
