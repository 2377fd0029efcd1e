package io.skillwise.notification.preference;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * A user's choices, by kind name; a kind they never chose is absent and takes its defaults. {@code quietHours} is
 * absent unless the user set a window.
 */
@Document(PreferenceDocument.COLLECTION)
record PreferenceDocument(@Id String id, Map<String, Channels> kinds, StoredQuietHours quietHours) {

    static final String COLLECTION = "preferences";

    /** Quiet hours as stored: {@code HH:mm} times and a zone id, parsed when read. */
    record StoredQuietHours(String start, String end, String timeZone) {

        static StoredQuietHours of(QuietHours hours) {
            return new StoredQuietHours(hours.start().toString(), hours.end().toString(), hours.timeZone().getId());
        }

        QuietHours parsed() {
            return new QuietHours(LocalTime.parse(start), LocalTime.parse(end), ZoneId.of(timeZone));
        }
    }
}
