package io.skillwise.notification.preference;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.ApiException;
import io.skillwise.notification.NotificationKind;
import io.skillwise.notification.preference.PreferenceDocument.StoredQuietHours;
import io.skillwise.notification.preference.PreferenceViews.PreferenceChoice;
import io.skillwise.notification.preference.PreferenceViews.PreferenceView;
import io.skillwise.notification.preference.PreferenceViews.PreferencesView;
import io.skillwise.notification.preference.PreferenceViews.QuietHoursRequest;
import io.skillwise.notification.preference.PreferenceViews.QuietHoursView;
import io.skillwise.notification.preference.PreferenceViews.UpdatePreferencesRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Who wants which kind of notification where. A user's choices live in one document, so every change is one atomic
 * write; the delivery core asks for a whole batch of recipients at once.
 */
@Service
public class PreferenceService {

    /** The path of the public unsubscribe endpoint; mail makes it absolute. */
    public static final String UNSUBSCRIBE_PATH = "/api/v1/notifications/unsubscribe";

    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    private final MongoTemplate mongo;
    private final UnsubscribeTokens tokens;

    PreferenceService(MongoTemplate mongo, UnsubscribeTokens tokens) {
        this.mongo = mongo;
        this.tokens = tokens;
    }

    /** The channels of one kind for each recipient: their choice, else the kind's defaults; essential mail always. */
    public Map<UUID, Channels> channelsFor(Collection<UUID> recipients, NotificationKind kind) {
        return channelsFor(recipients, Set.of(kind)).get(kind);
    }

    /**
     * As {@link #channelsFor(Collection, NotificationKind)} for several kinds, the recipients' choices read in one
     * query: what one event that tells several audiences needs.
     */
    public Map<NotificationKind, Map<UUID, Channels>> channelsFor(Collection<UUID> recipients,
                                                                 Set<NotificationKind> kinds) {
        Map<UUID, Map<String, Channels>> chosen = new HashMap<>();
        mongo.find(query(where("_id").in(recipients.stream().map(UUID::toString).toList())), PreferenceDocument.class)
                .forEach(document -> {
                    if (document.kinds() != null) {
                        chosen.put(UUID.fromString(document.id()), document.kinds());
                    }
                });
        Map<NotificationKind, Map<UUID, Channels>> result = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : kinds) {
            Map<UUID, Channels> ofKind = new LinkedHashMap<>();
            for (UUID recipient : recipients) {
                Channels choice = chosen.getOrDefault(recipient, Map.of()).getOrDefault(kind.name(), defaults(kind));
                ofKind.put(recipient, kind.essential() ? new Channels(choice.inApp(), true) : choice);
            }
            result.put(kind, ofKind);
        }
        return result;
    }

    /**
     * The recipients who are inside their quiet hours at {@code now}, each with the moment their window ends; those
     * without quiet hours, or outside them, are absent.
     */
    public Map<UUID, Instant> quietUntil(Collection<UUID> recipients, Instant now) {
        Map<UUID, Instant> quiet = new HashMap<>();
        if (recipients.isEmpty()) {
            return quiet;
        }
        Query withQuietHours = query(where("_id").in(recipients.stream().map(UUID::toString).toList())
                .and("quietHours").exists(true));
        withQuietHours.fields().include("quietHours");
        for (PreferenceDocument document : mongo.find(withQuietHours, PreferenceDocument.class)) {
            document.quietHours().parsed().endOfWindowAround(now)
                    .ifPresent(end -> quiet.put(UUID.fromString(document.id()), end));
        }
        return quiet;
    }

    public PreferencesView view(CurrentUser caller) {
        PreferenceDocument document = mongo.findById(caller.id().toString(), PreferenceDocument.class);
        Map<String, Channels> chosen = document == null || document.kinds() == null ? Map.of() : document.kinds();
        QuietHoursView quietHours = document == null || document.quietHours() == null ? null
                : QuietHoursView.of(document.quietHours().parsed());
        return new PreferencesView(Arrays.stream(NotificationKind.values()).map(kind -> {
            Channels channels = chosen.getOrDefault(kind.name(), defaults(kind));
            return new PreferenceView(kind.name(), kind.description(), kind.essential(), channels.inApp(),
                    channels.email() || kind.essential());
        }).toList(), quietHours);
    }

    /** Sets the caller's quiet hours (replacing any before); times and zone are parsed, a bad one is 400. */
    public QuietHoursView setQuietHours(CurrentUser caller, QuietHoursRequest request) {
        QuietHours hours;
        try {
            hours = new QuietHours(parseTime(request.start(), "start"), parseTime(request.end(), "end"),
                    ZoneId.of(request.timeZone()));
        } catch (DateTimeException e) {
            throw ApiException.badRequest("timeZone: '" + request.timeZone() + "' is not a time zone (e.g. Europe/Berlin)");
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        mongo.upsert(query(where("_id").is(caller.id().toString())),
                new Update().set("quietHours", StoredQuietHours.of(hours)), PreferenceDocument.class);
        return QuietHoursView.of(hours);
    }

    /** Removes the caller's quiet hours; reminders reach them at once again. Doing it twice is fine. */
    public void clearQuietHours(CurrentUser caller) {
        mongo.updateFirst(query(where("_id").is(caller.id().toString())), new Update().unset("quietHours"),
                PreferenceDocument.class);
    }

    /** Changes the listed kinds in one write; one bad entry refuses the whole request and changes nothing. */
    public PreferencesView update(CurrentUser caller, UpdatePreferencesRequest request) {
        Update update = new Update();
        Set<NotificationKind> seen = new HashSet<>();
        List<PreferenceChoice> choices = request.preferences();
        for (int i = 0; i < choices.size(); i++) {
            PreferenceChoice choice = choices.get(i);
            NotificationKind kind = parseKind(choice.kind(), "preferences[" + i + "].kind");
            if (!seen.add(kind)) {
                throw ApiException.badRequest("preferences[" + i + "].kind: " + kind + " is listed twice");
            }
            if (kind.essential() && !choice.email()) {
                throw ApiException.badRequest("preferences[" + i + "].email: " + kind
                        + " is essential mail (account, receipts, billing, access) and cannot be turned off");
            }
            update.set("kinds." + kind.name(), new Channels(choice.inApp(), choice.email()));
        }
        mongo.upsert(query(where("_id").is(caller.id().toString())), update, PreferenceDocument.class);
        return view(caller);
    }

    /**
     * The path (with its signed token) that turns off one kind's mail for one user, for the mail's footer and its
     * {@code List-Unsubscribe} header; empty for essential kinds, whose mail cannot be turned off.
     */
    public Optional<String> unsubscribePath(UUID userId, NotificationKind kind) {
        if (kind.essential()) {
            return Optional.empty();
        }
        return Optional.of(UNSUBSCRIBE_PATH + "?token=" + tokens.issue(userId, kind));
    }

    /** What an unsubscribe link is about, checked; a link that is not ours is 400. */
    public NotificationKind unsubscribeSubject(String token) {
        return tokens.verify(token).kind();
    }

    /** Turns off the mail the link is about (the in-app notifications stay as chosen); doing it twice is fine. */
    public NotificationKind unsubscribe(String token) {
        UnsubscribeTokens.Subject subject = tokens.verify(token);
        Channels current = chosenBy(subject.userId()).getOrDefault(subject.kind().name(), defaults(subject.kind()));
        mongo.upsert(query(where("_id").is(subject.userId().toString())),
                new Update().set("kinds." + subject.kind().name(), new Channels(current.inApp(), false)),
                PreferenceDocument.class);
        return subject.kind();
    }

    /** Forgets the choices of a deleted account. */
    public void erase(UUID userId) {
        mongo.remove(query(where("_id").is(userId.toString())), PreferenceDocument.class);
    }

    private Map<String, Channels> chosenBy(UUID userId) {
        PreferenceDocument document = mongo.findById(userId.toString(), PreferenceDocument.class);
        return document == null || document.kinds() == null ? Map.of() : document.kinds();
    }

    private static LocalTime parseTime(String value, String field) {
        try {
            return LocalTime.parse(value, HOURS_MINUTES);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + value + "' is not a time of day as HH:mm (e.g. 22:00)");
        }
    }

    private static Channels defaults(NotificationKind kind) {
        return new Channels(kind.inAppByDefault(), kind.emailByDefault());
    }

    private static NotificationKind parseKind(String name, String field) {
        try {
            return NotificationKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field + ": '" + name + "' is not a kind of notification; "
                    + "GET /api/v1/notifications/preferences lists them");
        }
    }
}
