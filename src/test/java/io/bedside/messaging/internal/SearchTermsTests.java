package io.bedside.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SearchTermsTests {

    @Test
    void wordsAreLowerCasedWithoutAccentsAndKeepTheirPlaceInTheText() {
        List<SearchTerms.Word> words = SearchTerms.words("Médico: ¿Cuándo? Rash-cream, 500mg");
        assertThat(words).extracting(SearchTerms.Word::normal)
                .containsExactly("medico", "cuando", "rash", "cream", "500mg");
        assertThat(words.get(0).start()).isZero();
        assertThat(words.get(0).end()).isEqualTo(6);
        assertThat(words.get(2).start()).isEqualTo(17);
        assertThat(words.get(2).end()).isEqualTo(21);
    }

    @Test
    void decomposedAccentsStayInsideTheirWord() {
        String decomposed = "me\u0301dico";
        assertThat(SearchTerms.words(decomposed)).extracting(SearchTerms.Word::normal).containsExactly("medico");
    }

    @Test
    void pluralsLoseTheirEndingInEnglishAndSpanish() {
        assertThat(SearchTerms.stem("rashes")).isEqualTo("rash");
        assertThat(SearchTerms.stem("boxes")).isEqualTo("box");
        assertThat(SearchTerms.stem("allergies")).isEqualTo("allergy");
        assertThat(SearchTerms.stem("tablets")).isEqualTo("tablet");
        assertThat(SearchTerms.stem("notes")).isEqualTo("note");
        assertThat(SearchTerms.stem("dolores")).isEqualTo("dolor");
        assertThat(SearchTerms.stem("medicos")).isEqualTo("medico");
        assertThat(SearchTerms.stem("class")).isEqualTo("class");
        assertThat(SearchTerms.stem("virus")).isEqualTo("virus");
        assertThat(SearchTerms.stem("ras")).isEqualTo("ras");
    }

    @Test
    void aWordIsIndexedWithItsPrefixesItselfAndItsStem() {
        Set<String> terms = SearchTerms.indexTerms("Rashes, ok");
        assertThat(terms).containsExactlyInAnyOrder("ras", "rash", "rashe", "rashes");
        // A long word: its first 3 to 6 letters only (a query looks up no more of it).
        assertThat(SearchTerms.indexTerms("medication")).containsExactlyInAnyOrder("med", "medi", "medic", "medica");
        // A stem that is no prefix of its word is indexed too, cut to 6 letters.
        assertThat(SearchTerms.indexTerms("allergies")).containsExactlyInAnyOrder("all", "alle", "aller", "allerg");
        assertThat(SearchTerms.indexTerms("flies")).containsExactlyInAnyOrder("fli", "flie", "flies", "fly");
    }

    @Test
    void queryWordsAreStemmedShortOnesLeftOutAndLongOnesLookedUpByTheirFirstSixLetters() {
        assertThat(SearchTerms.query("my RASHES on the arm")).extracting(SearchTerms.QueryTerm::indexTerm)
                .containsExactly("rash", "the", "arm");
        assertThat(SearchTerms.query("medications")).singleElement()
                .satisfies(t -> {
                    assertThat(t.stem()).isEqualTo("medication");
                    assertThat(t.indexTerm()).isEqualTo("medica");
                });
        assertThat(SearchTerms.query("a b")).isEmpty();
    }

    @Test
    void everyQueryTermThatMatchesAWordIsAmongThatWordsIndexTerms() {
        List<String> texts = List.of("rash", "rashes", "Rash on my arm", "allergies", "allergy", "médicos", "medico",
                "dolores", "dolor", "medication", "medications", "boxes", "tablets", "medicine", "flies", "fly", "pharmacies",
                "pharmacy", "complexities", "complexity");
        for (String text : texts) {
            Set<String> indexed = SearchTerms.indexTerms(text);
            for (String query : texts) {
                for (SearchTerms.QueryTerm term : SearchTerms.query(query)) {
                    boolean matches = SearchTerms.words(text).stream().anyMatch(w -> SearchTerms.matches(term, w));
                    if (matches) {
                        assertThat(indexed).as("%s in %s", query, text).contains(term.indexTerm());
                    }
                }
            }
        }
        assertThat(SearchTerms.query("rashes").get(0)).satisfies(t -> assertThat(
                SearchTerms.words("Rash on my arm").stream().anyMatch(w -> SearchTerms.matches(t, w))).isTrue());
        assertThat(SearchTerms.query("medico").get(0)).satisfies(t -> assertThat(
                SearchTerms.words("El médico").stream().anyMatch(w -> SearchTerms.matches(t, w))).isTrue());
    }
}
