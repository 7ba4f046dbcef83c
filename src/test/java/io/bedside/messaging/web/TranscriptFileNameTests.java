package io.bedside.messaging.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The transcript's file name: the subject and the day, safe in a file system and in the header. */
class TranscriptFileNameTests {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 29);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Feeling unwell            | Feeling unwell 2026-11-29.pdf  | attachment; filename="Feeling unwell 2026-11-29.pdf"; filename*=UTF-8''Feeling%20unwell%202026-11-29.pdf
            Fiebre y dolor de garganta (año) | Fiebre y dolor de garganta (año) 2026-11-29.pdf | attachment; filename="Fiebre y dolor de garganta (ano) 2026-11-29.pdf"; filename*=UTF-8''Fiebre%20y%20dolor%20de%20garganta%20%28a%C3%B1o%29%202026-11-29.pdf
            `Refill: "metformin" / 500mg` | Refill metformin 500mg 2026-11-29.pdf | attachment; filename="Refill metformin 500mg 2026-11-29.pdf"; filename*=UTF-8''Refill%20metformin%20500mg%202026-11-29.pdf
            `..\\secret`             | secret 2026-11-29.pdf          | attachment; filename="secret 2026-11-29.pdf"; filename*=UTF-8''secret%202026-11-29.pdf
            `   `                    | Conversation 2026-11-29.pdf    | attachment; filename="Conversation 2026-11-29.pdf"; filename*=UTF-8''Conversation%202026-11-29.pdf
            """)
    void subjectAndDay(String subject, String fileName, String header) {
        String name = TranscriptPdf.fileName(subject, DAY);
        assertThat(name).isEqualTo(fileName);
        assertThat(new TranscriptPdf.Document(new byte[0], name).contentDisposition()).isEqualTo(header);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Dolor de cabeza 頭痛 | attachment; filename="Dolor de cabeza __ 2026-11-29.pdf"; filename*=UTF-8''Dolor%20de%20cabeza%20%E9%A0%AD%E7%97%9B%202026-11-29.pdf
            """)
    void nonLatinLettersFallBackInTheAsciiName(String subject, String header) {
        assertThat(new TranscriptPdf.Document(new byte[0], TranscriptPdf.fileName(subject, DAY)).contentDisposition())
                .isEqualTo(header);
    }
}
