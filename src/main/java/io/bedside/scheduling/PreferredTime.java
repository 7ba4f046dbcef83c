package io.bedside.scheduling;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

import io.bedside.shared.InvalidRequestException;

/** One of the patient's preferred times: a day and a part of it (morning, afternoon, evening). */
public record PreferredTime(LocalDate date, Part part) {

    public enum Part {
        MORNING, AFTERNOON, EVENING;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Part fromCode(String code) {
            return Arrays.stream(values()).filter(p -> p.code().equals(code)).findFirst()
                    .orElseThrow(() -> new InvalidRequestException("preferredTimes",
                            "Each preferred time needs a part of the day: morning, afternoon or evening."));
        }
    }

    @Override
    public String toString() {
        return "PreferredTime";
    }
}
