package io.bedside.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.bedside.audit.AuditAction.PatientReport;

/**
 * Keeps {@link AuditAction} the one catalogue of audit actions: every action has its words on pages
 * in English and Spanish, and main code writes no action code that is not in it.
 *
 * <p>Main code is read as source: an action is any string literal given where a parameter named
 * {@code action} of type String is declared (AuditRecord, AuditRecord.allowed/denied, and every
 * helper that passes an action on), or assigned to a variable named {@code action}. A literal inside
 * a nested call ({@code rs.getString("action")}) is not an action. Code using the
 * {@link AuditAction} constants is checked by the compiler.
 */
class AuditActionCatalogueTests {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern CALL = Pattern.compile("\\b(\\w+)\\s*\\(");
    private static final Pattern ACTION_PARAMETER = Pattern.compile("(final\\s+)?String\\s+action");
    private static final Pattern ACTION_ASSIGNED = Pattern.compile("\\baction\\s*=\\s*([^;]*);");
    private static final Pattern LITERAL = Pattern.compile("\"#(\\d+)\"");

    @Test
    void codesAreUnique() {
        assertThat(Arrays.stream(AuditAction.values()).map(AuditAction::code).distinct().count())
                .isEqualTo(AuditAction.values().length);
    }

    @Test
    void everyActionHasItsWordsInEnglishAndSpanish() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_es.properties")) {
            Properties texts = load(bundle);
            assertThat(Arrays.stream(AuditAction.values()).map(AuditAction::messageKey)
                    .filter(key -> !texts.containsKey(key)).toList())
                    .as("audit actions without words in " + bundle).isEmpty();
            assertThat(Arrays.stream(AuditAction.values())
                    .filter(a -> a.patientReport() == PatientReport.NAMES_CONVERSATION)
                    .map(a -> "access.subject." + a.code()).filter(key -> !texts.containsKey(key)).toList())
                    .as("actions a patient's report names a conversation for, without words in " + bundle).isEmpty();
        }
    }

    @Test
    void everyMessageKeyOfAnActionIsInTheCatalogue() throws IOException {
        Set<String> codes = Arrays.stream(AuditAction.values()).map(AuditAction::code).collect(Collectors.toSet());
        for (String bundle : List.of("messages.properties", "messages_es.properties")) {
            assertThat(load(bundle).stringPropertyNames().stream().filter(k -> k.startsWith("audit.action."))
                    .map(k -> k.substring("audit.action.".length())).filter(code -> !codes.contains(code)).sorted()
                    .toList())
                    .as("words in " + bundle + " for actions no code writes (add them to AuditAction or remove them)")
                    .isEmpty();
        }
    }

    @Test
    void mainCodeWritesOnlyCataloguedActions() throws IOException {
        Map<String, Set<String>> written = writtenActions();
        assertThat(written).as("the source scan found no actions: is it still reading src/main/java?").hasSizeGreaterThan(20);
        Map<String, Set<String>> unknown = new TreeMap<>(written);
        unknown.keySet().removeIf(code -> AuditAction.ofCode(code).isPresent());
        assertThat(unknown).as("action codes written in main code (with their files) that are not in AuditAction")
                .isEmpty();
    }

    // ------------------------------------------------------------ the source scan

    /** Each action code written as a literal in main code, with the files it is written in. */
    static Map<String, Set<String>> writtenActions() throws IOException {
        List<Source> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.add(Source.read(file));
            }
        }
        // Which methods (by name and arity) take an action, and where.
        Map<String, Set<List<Integer>>> takers = new TreeMap<>();
        for (Source source : sources) {
            Matcher call = CALL.matcher(source.code());
            while (call.find()) {
                List<String> args = arguments(source.code(), call.end() - 1);
                for (int i = 0; i < args.size(); i++) {
                    if (ACTION_PARAMETER.matcher(args.get(i)).matches()) {
                        takers.computeIfAbsent(call.group(1), k -> new HashSet<>()).add(List.of(args.size(), i));
                    }
                }
            }
        }
        Map<String, Set<String>> written = new TreeMap<>();
        for (Source source : sources) {
            Matcher call = CALL.matcher(source.code());
            while (call.find()) {
                Set<List<Integer>> positions = takers.get(call.group(1));
                if (positions == null) {
                    continue;
                }
                List<String> args = arguments(source.code(), call.end() - 1);
                for (List<Integer> position : positions) {
                    if (args.size() == position.get(0)) {
                        source.literalsIn(outermost(args.get(position.get(1))), written);
                    }
                }
            }
            Matcher assigned = ACTION_ASSIGNED.matcher(source.code());
            while (assigned.find()) {
                source.literalsIn(outermost(assigned.group(1)), written);
            }
        }
        return written;
    }

    /** A source file with comments removed and each string literal replaced by {@code "#n"}. */
    record Source(String file, String code, List<String> literals) {

        static Source read(Path path) throws IOException {
            String text = Files.readString(path);
            StringBuilder code = new StringBuilder();
            List<String> literals = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                if (text.startsWith("\"\"\"", i)) {
                    int end = text.indexOf("\"\"\"", i + 3);
                    literals.add(text.substring(i + 3, end));
                    code.append("\"#").append(literals.size() - 1).append('"');
                    i = end + 3;
                } else if (text.charAt(i) == '"' || text.charAt(i) == '\'') {
                    char quote = text.charAt(i);
                    int end = i + 1;
                    while (text.charAt(end) != quote) {
                        end += text.charAt(end) == '\\' ? 2 : 1;
                    }
                    if (quote == '"') {
                        literals.add(text.substring(i + 1, end));
                        code.append("\"#").append(literals.size() - 1).append('"');
                    } else {
                        code.append("'c'");
                    }
                    i = end + 1;
                } else if (text.startsWith("//", i)) {
                    int end = text.indexOf('\n', i);
                    i = end < 0 ? text.length() : end;
                } else if (text.startsWith("/*", i)) {
                    i = text.indexOf("*/", i) + 2;
                } else {
                    code.append(text.charAt(i++));
                }
            }
            return new Source(MAIN.relativize(path).toString(), code.toString(), literals);
        }

        void literalsIn(String expression, Map<String, Set<String>> into) {
            Matcher literal = LITERAL.matcher(expression);
            while (literal.find()) {
                into.computeIfAbsent(literals.get(Integer.parseInt(literal.group(1))), k -> new TreeSet<>()).add(file);
            }
        }
    }

    /** The top-level arguments of the call whose opening parenthesis is at {@code open}. */
    private static List<String> arguments(String code, int open) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                if (++depth == 1) {
                    continue;
                }
            } else if (c == ')' || c == ']' || c == '}') {
                if (--depth == 0) {
                    args.add(current.toString().strip());
                    return args;
                }
            } else if (c == ',' && depth == 1) {
                args.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        return args;
    }

    /** The expression without anything inside parentheses, brackets or braces (nested calls, arrays, lambdas). */
    private static String outermost(String expression) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char c : expression.toCharArray()) {
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Properties load(String bundle) throws IOException {
        try (InputStream in = AuditActionCatalogueTests.class.getClassLoader().getResourceAsStream(bundle)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
