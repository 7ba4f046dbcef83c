package io.bedside.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;

/** Runs axe-core on the page as it is and fails on any serious or critical violation. */
public final class AxeCheck {

    private AxeCheck() {
    }

    public static void noSeriousViolations(Page page, String where) {
        AxeResults results = new AxeBuilder(page).analyze();
        assertThat(results.getPasses()).as("axe-core ran on " + where).isNotEmpty();
        List<String> serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> where + ": " + v.getId() + " — " + v.getHelp() + " " + describe(v))
                .toList();
        assertThat(serious).as("axe-core violations").isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList().toString();
    }
}
