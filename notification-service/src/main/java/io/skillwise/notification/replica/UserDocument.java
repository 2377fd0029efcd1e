package io.skillwise.notification.replica;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/**
 * One user as identity's events describe them. After {@code UserDeactivated} only a tombstone is left
 * ({@code erased}, no e-mail address, name or roles), so that late events about the user create nothing new.
 */
@Document(UserDocument.COLLECTION)
record UserDocument(@Id String id, String email, String displayName, List<String> roles, boolean erased) {

    static final String COLLECTION = "users";
}
