package io.bedside.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    /** One clock for the whole application, so time can be reasoned about in one place. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
