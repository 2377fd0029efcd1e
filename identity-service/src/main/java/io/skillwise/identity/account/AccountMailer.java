package io.skillwise.identity.account;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * identity-service sends its own transactional account mail (verification and reset links) over SMTP: the link
 * carries a secret that must not travel through Kafka to notification-service (ADR 0003).
 */
@Component
public class AccountMailer {

    private final JavaMailSender mail;
    private final AccountProperties properties;

    public AccountMailer(JavaMailSender mail, AccountProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    public void sendVerification(String email, String displayName, String token) {
        String link = link("/verify-email", token);
        send(email, "Confirm your SkillWise email address", """
                Hello %s,

                please confirm your email address by opening this link:

                %s

                The link works once and expires in %d hours. If you did not sign up for SkillWise, ignore this mail.
                """.formatted(displayName, link, properties.verificationTtl().toHours()));
    }

    public void sendPasswordReset(String email, String displayName, String token) {
        String link = link("/reset-password", token);
        send(email, "Reset your SkillWise password", """
                Hello %s,

                someone asked to reset the password of your SkillWise account. To choose a new one, open:

                %s

                The link works once and expires in %d minutes. If it was not you, ignore this mail: your password
                stays as it is.
                """.formatted(displayName, link, properties.resetTtl().toMinutes()));
    }

    private String link(String path, String token) {
        return UriComponentsBuilder.fromUriString(properties.appBaseUrl()).path(path).queryParam("token", token)
                .build().toUriString();
    }

    private void send(String to, String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        mail.send(message);
    }
}
