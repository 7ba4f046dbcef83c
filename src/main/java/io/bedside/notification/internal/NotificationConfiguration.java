package io.bedside.notification.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.javamail.JavaMailSender;

import io.bedside.notification.NotificationProperties;
import io.bedside.notification.sms.SmsNumbers;

/** Demo mode keeps notices in the dev mailbox; otherwise they go out by SMTP and the SMS gateway. */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    @Primary
    Delivery delivery(NotificationProperties properties, DevMailbox devMailbox, ObjectProvider<JavaMailSender> mail,
            @Value("${bedside.demo:false}") boolean demo, WebPush webPush, SmsNumbers numbers) {
        String mode = properties.delivery() == null || properties.delivery().isBlank() ? (demo ? "dev" : "live")
                : properties.delivery().trim();
        return "dev".equals(mode) ? devMailbox : new SmtpAndSmsDelivery(mail, properties, webPush, numbers);
    }
}
