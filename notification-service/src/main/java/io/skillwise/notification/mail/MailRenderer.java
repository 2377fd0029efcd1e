package io.skillwise.notification.mail;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.skillwise.notification.replica.User;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a queued mail with its Mustache templates ({@code templates/mail/<template>.html.mustache} and
 * {@code .txt.mustache}), then wraps each body in the common layout (greeting, footer, unsubscribe link). HTML
 * escapes every value; the plain-text part escapes nothing.
 */
@Component
class MailRenderer {

    private static final String LAYOUT = "layout";

    private final Mustache.Compiler html;
    private final Mustache.Compiler text;
    private final MailProperties properties;
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    MailRenderer(Mustache.Compiler templates, MailProperties properties) {
        this.html = templates;
        this.text = templates.escapeHTML(false);
        this.properties = properties;
    }

    /** Whether both parts of the template exist, so a delivery with a misspelt template fails before it queues. */
    boolean exists(String template) {
        try {
            template(template, true);
            template(template, false);
            return true;
        } catch (MustacheException e) {
            return false;
        }
    }

    /**
     * @throws MustacheException when a template is missing or refers to a value the model lacks: the mail can never
     *                           be rendered, so it is given up rather than retried
     */
    RenderedMail render(MailJob mail, User recipient, String unsubscribePath) {
        Map<String, Object> model = new HashMap<>(mail.model() == null ? Map.of() : mail.model());
        model.put("name", recipient.displayName());
        model.put("title", mail.title());
        model.put("text", mail.text());
        model.put("link", properties.absolute(mail.link()));
        String unsubscribeUrl = properties.absolute(unsubscribePath);
        Map<String, Object> page = new HashMap<>();
        page.put("subject", mail.title());
        page.put("unsubscribeUrl", unsubscribeUrl);
        page.put("preferencesUrl", properties.absolute("/api/v1/notifications/preferences"));

        page.put("body", template(mail.template(), true).execute(model));
        String htmlPart = template(LAYOUT, true).execute(page);
        page.put("body", template(mail.template(), false).execute(model));
        String textPart = template(LAYOUT, false).execute(page);
        return new RenderedMail(mail.title(), htmlPart, textPart, unsubscribeUrl);
    }

    private Template template(String name, boolean asHtml) {
        String path = "mail/" + name + (asHtml ? ".html" : ".txt");
        return compiled.computeIfAbsent(path, p -> (asHtml ? html : text).loadTemplate(p));
    }
}
