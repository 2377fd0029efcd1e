package io.skillwise.notification.preference;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.Map;

/** A user's choices, by kind name; a kind they never chose is absent and takes its defaults. */
@Document(PreferenceDocument.COLLECTION)
record PreferenceDocument(@Id String id, Map<String, Channels> kinds) {

    static final String COLLECTION = "preferences";
}
