package io.skillwise.notification.mail;

import java.util.Map;
import java.util.Objects;

/**
 * Which templates render a delivery's mail, and with what. Templates live in {@code templates/mail/} as
 * {@code <template>.html.mustache} and {@code <template>.txt.mustache}; both get the model plus {@code name} (the
 * recipient's display name), {@code title}, {@code text} and {@code link} (absolute) of the notice. The model is stored
 * with the queued mail, so it holds plain values only: strings, numbers, booleans, and lists and maps of them.
 */
public record MailContent(String template, Map<String, Object> model) {

    /** The template of a plain notice: greeting, title, text and a button to the link. */
    public static final String NOTICE = "notice";

    public MailContent {
        Objects.requireNonNull(template, "template");
        model = Map.copyOf(model);
    }

    public static MailContent notice() {
        return new MailContent(NOTICE, Map.of());
    }

    public static MailContent of(String template, Map<String, Object> model) {
        return new MailContent(template, model);
    }
}
