package io.skillwise.devstack.infra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.skillwise.devstack.Component;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An SMTP sink (GreenMail) whose mailbox can be read over HTTP, with the paths of GreenMail's REST API:
 * {@code GET /api/user/{email}/messages/INBOX}, {@code POST /api/mail/purge}, {@code GET /api/service/readiness}.
 * Every message is kept, whoever it was sent to; nothing leaves the machine.
 */
public final class MailSink implements Component {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int smtpPort;
    private final int apiPort;
    private GreenMail greenMail;
    private HttpServer api;

    public MailSink(int smtpPort, int apiPort) {
        this.smtpPort = smtpPort;
        this.apiPort = apiPort;
    }

    @Override
    public String name() {
        return "mail";
    }

    public int smtpPort() {
        return smtpPort;
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    @Override
    public synchronized void start() throws IOException {
        if (greenMail != null) {
            return;
        }
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", apiPort), 0);
        http.createContext("/api/", this::handle);
        http.start();
        greenMail = mail;
        api = http;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals("/api/service/readiness")) {
                respond(exchange, 200, Map.of("status", "ready"));
            } else if (method.equals("POST") && path.equals("/api/mail/purge")) {
                purge();
                respond(exchange, 200, Map.of("message", "purged"));
            } else if (method.equals("GET") && path.startsWith("/api/user/") && path.endsWith("/messages/INBOX")) {
                String email = URLDecoder.decode(
                        path.substring("/api/user/".length(), path.length() - "/messages/INBOX".length()),
                        StandardCharsets.UTF_8);
                respond(exchange, 200, messagesFor(email));
            } else if (method.equals("GET") && path.equals("/api/mail/messages")) {
                respond(exchange, 200, messagesFor(null));
            } else {
                respond(exchange, 404, Map.of("message", "no such mailbox path: " + path));
            }
        } catch (MessagingException e) {
            respond(exchange, 500, Map.of("message", "could not read a message: " + e.getMessage()));
        }
    }

    /** Messages for one recipient (case-insensitive), or every message when {@code email} is null. */
    public List<Map<String, Object>> messagesFor(String email) throws MessagingException, IOException {
        List<Map<String, Object>> result = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            List<String> recipients = Arrays.stream(orEmpty(message.getAllRecipients()))
                    .map(Address::toString).toList();
            if (email != null && recipients.stream().noneMatch(r -> r.toLowerCase(Locale.ROOT)
                    .contains(email.toLowerCase(Locale.ROOT)))) {
                continue;
            }
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("messageId", message.getMessageID());
            view.put("subject", message.getSubject());
            view.put("from", Arrays.stream(orEmpty(message.getFrom())).map(Address::toString).toList());
            view.put("to", recipients);
            view.put("receivedDate", message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant().toString());
            view.put("contentType", message.getContentType());
            view.put("text", textOf(message));
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            view.put("mimeMessage", raw.toString(StandardCharsets.UTF_8));
            result.add(view);
        }
        return result;
    }

    private static Address[] orEmpty(Address[] addresses) {
        return addresses == null ? new Address[0] : addresses;
    }

    private static String textOf(jakarta.mail.Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                if (body.isMimeType("text/*") || body.getContent() instanceof Multipart) {
                    text.append(textOf(body));
                }
            }
            return text.toString();
        }
        return "";
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException("could not purge the mailbox", e);
        }
    }

    public Message[] receivedMessages() {
        return greenMail.getReceivedMessages();
    }

    @Override
    public synchronized void stop() {
        if (api != null) {
            api.stop(0);
            api = null;
        }
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    @Override
    public boolean isHealthy() {
        return Probes.accepts(smtpPort) && Probes.httpStatus(apiUrl() + "/api/service/readiness") == 200;
    }

    @Override
    public Path logFile() {
        return null;
    }
}
