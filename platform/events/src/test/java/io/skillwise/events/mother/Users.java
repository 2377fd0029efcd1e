package io.skillwise.events.mother;

import static io.skillwise.events.mother.Samples.ADMIN;
import static io.skillwise.events.mother.Samples.INSTRUCTOR;
import static io.skillwise.events.mother.Samples.NOW;
import static io.skillwise.events.mother.Samples.STUDENT;

import io.skillwise.events.identity.BillingAddress;
import io.skillwise.events.identity.UserDeactivated;
import io.skillwise.events.identity.UserProfileUpdated;
import io.skillwise.events.identity.UserRegistered;
import io.skillwise.events.identity.UserRole;
import io.skillwise.events.identity.UserRolesChanged;
import java.util.List;

/** Identity events. */
public final class Users {

    private Users() {
    }

    public static UserRegistered registeredStudent() {
        return new UserRegistered(STUDENT, "ada@example.test", "Ada Lovelace", List.of(UserRole.STUDENT), false, NOW);
    }

    public static UserRegistered registeredWouldBeInstructor() {
        return new UserRegistered(INSTRUCTOR, "grace@example.test", "Grace Hopper", List.of(UserRole.STUDENT), true, NOW);
    }

    public static UserProfileUpdated instructorProfileUpdated() {
        return new UserProfileUpdated(
                INSTRUCTOR,
                "Rear Admiral Grace Hopper",
                "Compiler pioneer",
                "https://cdn.skillwise.test/avatars/grace.webp",
                List.of("compilers", "COBOL"),
                List.of("displayName", "headline", "certificateName", "billingAddress"),
                INSTRUCTOR,
                NOW,
                "Grace Brewster Murray Hopper",
                new BillingAddress("Hopper Consulting LLC", "1 Navy Yard", "Building 4", "20374", "Washington",
                        "DC", "US"));
    }

    public static UserRolesChanged promotedToInstructor() {
        return new UserRolesChanged(
                INSTRUCTOR,
                List.of(UserRole.STUDENT, UserRole.INSTRUCTOR),
                List.of(UserRole.STUDENT),
                ADMIN,
                NOW);
    }

    public static UserDeactivated deletedByAdmin() {
        return new UserDeactivated(STUDENT, ADMIN, NOW);
    }
}
