package io.bedside.notification;

import io.bedside.shared.InvalidRequestException;

/**
 * A patient chose text messages without confirming where they go: field {@code confirmPhone}
 * when a number is on their record and they did not confirm it, {@code patientPhone} when there
 * is none and they gave none. Carries no number: the settings page words it in the reader's
 * language with the number on file.
 */
public class TextNumberUnconfirmed extends InvalidRequestException {

    private final boolean numberOnFile;

    TextNumberUnconfirmed(boolean numberOnFile) {
        super(numberOnFile ? "confirmPhone" : "patientPhone", numberOnFile
                ? "Confirm that text messages should go to the number on your record."
                : "Give the mobile number to text, with its country code.");
        this.numberOnFile = numberOnFile;
    }

    public boolean numberOnFile() {
        return numberOnFile;
    }
}
