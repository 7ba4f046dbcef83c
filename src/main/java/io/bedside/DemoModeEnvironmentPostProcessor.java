package io.bedside;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Settles {@code bedside.demo} to an explicit true or false before any bean is created.
 *
 * <p>Unset, demo mode is on only for the embedded H2 default and turns off as soon as a real
 * database URL is configured, so that a production start can never seed accounts with a known
 * password because somebody forgot a flag. Conditions such as {@code @ConditionalOnBooleanProperty}
 * can then rely on the property being present.
 */
public class DemoModeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DEMO = "bedside.demo";
    static final String DB_URL = "bedside.db.url";
    static final String SECURE_COOKIES = "server.servlet.session.cookie.secure";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(DEMO);
        boolean demo;
        if (StringUtils.hasText(configured)) {
            demo = Boolean.parseBoolean(configured.trim());
        } else {
            demo = !StringUtils.hasText(environment.getProperty(DB_URL));
        }
        Map<String, Object> settled = new LinkedHashMap<>();
        settled.put(DEMO, demo);
        // Session cookies travel over HTTPS only, except in the demo on http://localhost.
        if (!StringUtils.hasText(environment.getProperty(SECURE_COOKIES))) {
            settled.put(SECURE_COOKIES, !demo);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("bedsideDemoMode", settled));
    }

    @Override
    public int getOrder() {
        // After config data (application.yml, environment variables) has been loaded.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
