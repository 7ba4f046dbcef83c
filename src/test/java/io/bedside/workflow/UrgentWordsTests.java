package io.bedside.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The default urgent phrases catch ordinary patient language in English and Spanish, and not everyday words. */
class UrgentWordsTests {

    private final UrgentWords defaults = new UrgentWords(UrgentWords.DEFAULTS);

    @ParameterizedTest
    @ValueSource(strings = {
            "I have had chest pain since this morning",
            "My chest really hurts when I walk",
            "I CAN'T BREATHE properly",
            "I can’t catch my breath after the stairs",
            "I'm so short of breath",
            "I took too many of my sleeping pills",
            "sometimes I want to end my life",
            "I have been thinking about suicide",
            "My face is drooping on one side and my speech is slurred",
            "the cut won't stop bleeding",
            "Tengo dolor de pecho desde anoche",
            "me duele mucho el pecho",
            "No puedo respirar bien",
            "Creo que tomé demasiadas pastillas",
            "He pensado en quitarme la vida",
            "Mi mamá perdió el conocimiento"})
    void catches(String message) {
        assertThat(defaults.find(message)).as(message).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Could you refill my metformin?",
            "My chest x-ray results, are they back?",
            "I would like an appointment next week",
            "Breathe easy: the insurance form is attached",
            "¿Pueden renovar mi receta de metformina?"})
    void letsEverydayMessagesBe(String message) {
        assertThat(defaults.find(message)).as(message).isEmpty();
    }

    @Test
    void aPracticesOwnPhrasesWork() {
        UrgentWords own = new UrgentWords(List.of("pressure on my chest", "Dolor  de cabeza intenso"));
        assertThat(own.find("there's a lot of pressure on my chest")).contains("pressure on my chest");
        assertThat(own.find("Tengo un DOLOR de cabeza muy intenso")).contains("dolor de cabeza intenso");
        assertThat(own.find("chest pain")).isEmpty();
    }

    /** The staff see the words that raised the flag: spans into the text as written, from the same matching. */
    @Test
    void spansPointAtTheTriggerPhraseInTheTextAsWritten() {
        String text = "Since 6 am my Chest really HURTS, and I can’t breathe well.";
        List<String> marked = defaults.spans(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
        assertThat(marked).containsExactly("Chest really HURTS", "can’t breathe");

        String spanish = "Desde anoche me duele el pecho y no puedo respirar";
        assertThat(defaults.spans(spanish).stream().map(s -> spanish.substring(s.start(), s.end())).toList())
                .containsExactly("me duele el pecho", "no puedo respirar");
        String accents = "Mi mamá perdió el conocimiento";
        assertThat(defaults.spans(accents).stream().map(s -> accents.substring(s.start(), s.end())).toList())
                .containsExactly("perdió el conocimiento");
        assertThat(defaults.spans("Could you refill my metformin?")).isEmpty();
        for (String message : List.of("I have had chest pain since this morning", "Tengo dolor de pecho desde anoche")) {
            assertThat(defaults.spans(message)).as(message).isNotEmpty();
        }
    }
}
