package io.bedside.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** Every text exists in English and in Spanish: a key added to one bundle only would show a raw key or English to some. */
class MessageBundlesTests {

    @Test
    void englishAndSpanishHoldTheSameKeys() throws IOException {
        Set<String> english = keys("messages.properties");
        Set<String> spanish = keys("messages_es.properties");

        assertThat(difference(english, spanish)).as("keys only in messages.properties").isEmpty();
        assertThat(difference(spanish, english)).as("keys only in messages_es.properties").isEmpty();
    }

    @Test
    void noTextIsEmpty() throws IOException {
        for (String bundle : new String[] {"messages.properties", "messages_es.properties"}) {
            Properties texts = load(bundle);
            assertThat(texts.stringPropertyNames().stream().filter(k -> texts.getProperty(k).isBlank()).toList())
                    .as("empty texts in " + bundle).isEmpty();
        }
    }

    /** The keys of a bundle on the classpath, read as UTF-8 (as Spring's message source reads them). */
    static Set<String> keys(String bundle) throws IOException {
        return new TreeSet<>(load(bundle).stringPropertyNames());
    }

    static Properties load(String bundle) throws IOException {
        try (InputStream in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(bundle)) {
            assertThat(in).as(bundle).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
