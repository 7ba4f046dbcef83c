package io.bedside.scheduling;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Locale;

import io.bedside.shared.InvalidRequestException;

/** One of the patient's preferred times: a day and a part of it (morning, afternoon, evening). */
public record PreferredTime(LocalDate date, Part part) {

    /**
     * A part of the day, as hours on the practice's clock (its time zone): morning 08:00–12:00,
     * afternoon 12:00–17:00, evening 17:00–20:00. An export gives these as periods.
     */
    public enum Part {
        MORNING(LocalTime.of(8, 0), LocalTime.of(12, 0)),
        AFTERNOON(LocalTime.of(12, 0), LocalTime.of(17, 0)),
        EVENING(LocalTime.of(17, 0), LocalTime.of(20, 0));

        private final LocalTime from;
        private final LocalTime until;

        Part(LocalTime from, LocalTime until) {
            this.from = from;
            this.until = until;
        }

        /** When this part of the day starts, on the practice's clock. */
        public LocalTime from() {
            return from;
        }

        /** When it ends, on the practice's clock. */
        public LocalTime until() {
            return until;
        }

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
