package io.bedside.notification.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import io.bedside.notification.Channel;
import io.bedside.notification.NotificationProperties;
import io.bedside.notification.sms.SmsNumbers;
import io.bedside.shared.PracticeId;

/**
 * Real delivery (the {@code live} value of {@code bedside.notification.delivery}): email through the
 * configured SMTP server (Spring's mail support), text messages through an HTTP gateway in the style
 * of the common SMS APIs (a form POST of To, From and Body with basic authentication), each carrying
 * the notification's id as its key. Named for where notices go, not for the delivery mode, so it
 * is not mistaken for the {@code live} module (the Server-Sent Events streams).
 */
class SmtpAndSmsDelivery implements Delivery {

    private final ObjectProvider<JavaMailSender> mail;
    private final NotificationProperties properties;
    private final WebPush webPush;
    private final SmsNumbers numbers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SmtpAndSmsDelivery(ObjectProvider<JavaMailSender> mail, NotificationProperties properties, WebPush webPush,
            SmsNumbers numbers) {
        this.numbers = numbers;
        this.webPush = webPush;
        this.mail = mail;
        this.properties = properties;
    }

    @Override
    public void email(PracticeId practice, UUID notification, String to, String subject, String text,
            String unsubscribeUrl) {
        JavaMailSender sender = mail.getIfAvailable();
        if (!(sender instanceof JavaMailSenderImpl smtp)) {
            throw new ChannelFailure(Channel.EMAIL, "No SMTP server is configured (spring.mail.host).");
        }
        try {
            MimeMessage message = new MimeMessage(smtp.getSession()) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    // The same notification always has the same Message-ID, so a resend after a crash is a duplicate.
                    setHeader("Message-ID", "<" + notification + "@notification.bedside>");
                }
            };
            message.setFrom(new InternetAddress(properties.email().from()));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            if (unsubscribeUrl != null) {
                message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            message.setHeader("Auto-Submitted", "auto-generated");
            sender.send(message);
        } catch (MessagingException e) {
            throw new ChannelFailure(Channel.EMAIL, "The email could not be sent: " + e.getClass().getSimpleName(), e);
        } catch (MailException e) {
            // The server refused or was away: the reason as before, marked as the email channel's.
            throw new ChannelFailure(Channel.EMAIL, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }

    @Override
    public void sms(PracticeId practice, UUID notification, String to, String text) {
        NotificationProperties.Sms sms = properties.sms();
        if (sms.url() == null || sms.url().isBlank()) {
            throw new ChannelFailure(Channel.SMS, "No SMS gateway is configured (bedside.notification.sms.url).");
        }
        // From the practice's own number when it connected one (replies then come back to it).
        String from = numbers.from(practice).orElse(sms.from());
        String form = Map.of("To", to, "From", from, "Body", text).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sms.url()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Idempotency-Key", notification.toString())
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (sms.account() != null && !sms.account().isBlank()) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (sms.account() + ":" + sms.token()).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new ChannelFailure(Channel.SMS, "The SMS gateway answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new ChannelFailure(Channel.SMS, "The SMS gateway could not be reached: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelFailure(Channel.SMS, "Interrupted while sending a text message", e);
        }
    }

    @Override
    public WebPush.Answer push(PracticeId practice, UUID notification, PushDevices.Target device, String payload,
            boolean urgent) {
        return webPush.send(practice, notification, device, payload.getBytes(StandardCharsets.UTF_8), urgent);
    }
}
