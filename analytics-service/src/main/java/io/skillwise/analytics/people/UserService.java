package io.skillwise.analytics.people;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Users' names and sign-ups, for the other features' answers (inside their read of a projection version). */
@Service
public class UserService {

    /** @param instructors those who signed up to teach; the rest signed up to learn */
    public record SignUps(LocalDate day, long total, long instructors) {
    }

    private final UserRepository users;

    UserService(UserRepository users) {
        this.users = users;
    }

    /** Display names of the users among the ids; deleted accounts and unknown users are left out. */
    public Map<UUID, String> names(Collection<UUID> userIds) {
        return users.names(userIds);
    }

    public List<SignUps> signUpsByDay(LocalDate from, LocalDate to) {
        return users.signUpsByDay(from, to);
    }
}
