package io.bedside.notification.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The SMS webhook's signature covers the body exactly as sent: this filter, first of all, keeps the
 * raw bytes of a POST to the webhook (at most {@link #MAX_BODY} and one) before any other filter
 * can parse the form and so consume them. Only that one path.
 */
@Configuration(proxyBeanMethods = false)
class WebhookBodyFilter {

    static final String RAW_BODY = WebhookBodyFilter.class.getName() + ".body";
    static final int MAX_BODY = 64 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> smsWebhookBody() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !"POST".equals(request.getMethod()) || !SmsWebhookController.PATH.equals(request.getRequestURI());
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
                request.setAttribute(RAW_BODY, body);
                chain.doFilter(new HttpServletRequestWrapper(request) {
                    @Override
                    public ServletInputStream getInputStream() {
                        ByteArrayInputStream in = new ByteArrayInputStream(body);
                        return new ServletInputStream() {
                            @Override
                            public int read() {
                                return in.read();
                            }

                            @Override
                            public boolean isFinished() {
                                return in.available() == 0;
                            }

                            @Override
                            public boolean isReady() {
                                return true;
                            }

                            @Override
                            public void setReadListener(ReadListener listener) {
                                throw new UnsupportedOperationException();
                            }
                        };
                    }
                }, response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns(SmsWebhookController.PATH);
        return registration;
    }
}
