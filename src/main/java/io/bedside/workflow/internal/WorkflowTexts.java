package io.bedside.workflow.internal;

import java.util.Locale;

/**
 * What Bedside writes into a conversation itself, in the patient's language. No patient data:
 * only the practice's name and times.
 */
public final class WorkflowTexts {

    private WorkflowTexts() {
    }

    public static boolean spanish(String language) {
        return language != null && language.toLowerCase(Locale.ROOT).startsWith("es");
    }

    /** The locale the automatic replies' dates are written in (through {@code HumanTimes}). */
    public static Locale locale(String language) {
        return spanish(language) ? Locale.forLanguageTag("es") : Locale.US;
    }

    /** Bedside's after-hours reply; with the practice's phone (when it has one), a line to call it. */
    public static String afterHours(String practice, String opens, String due, String language, String phone) {
        boolean call = phone != null && !phone.isBlank();
        if (spanish(language)) {
            return "Gracias por su mensaje. " + practice + " está cerrado ahora y vuelve a abrir el " + opens
                    + ". Puede esperar una respuesta antes del " + due + "."
                    + (call ? " Si no puede esperar, llame a " + practice + " al " + phone + "." : "")
                    + " Este canal no es para emergencias: "
                    + "llame al 911, o llame o envíe un mensaje de texto al 988 si tiene una crisis de salud mental.";
        }
        return "Thank you for your message. " + practice + " is closed now and opens again on " + opens
                + ". You can expect an answer by " + due + "."
                + (call ? " If it cannot wait, call " + practice + " at " + phone + "." : "")
                + " This channel is not for emergencies: call 911, "
                + "or call or text 988 in a mental health crisis.";
    }

    public static String urgentGuidance(String practice, String language) {
        if (spanish(language)) {
            return "Su mensaje podría describir una emergencia. Si es así, llame al 911 ahora o vaya a la sala "
                    + "de emergencias más cercana. Si está pensando en hacerse daño, llame o envíe un mensaje de "
                    + "texto al 988 (línea de crisis). Hemos avisado a su equipo de atención de " + practice
                    + ", pero los mensajes no se leen de inmediato.";
        }
        return "Your message may describe an emergency. If it is one, call 911 now or go to the nearest emergency "
                + "room. If you are thinking about harming yourself, call or text 988 (the crisis line). We have "
                + "alerted your care team at " + practice + ", but messages are not read right away.";
    }
}
