package io.skillwise.systemtests;

import io.skillwise.testsupport.OpenApiContract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A signed-in student, instructor and admin, and which of them an operation's {@code x-skillwise-access} admits:
 * how the generated tests pick a caller from the document instead of guessing (docs/security.md).
 */
final class CallersByRole {

    /** Each caller with the realm roles its tokens carry, least privileged first. */
    private final Map<PlatformUsers.Session, List<String>> roles = new LinkedHashMap<>();

    CallersByRole(PlatformUsers.Session student, PlatformUsers.Session instructor, PlatformUsers.Session admin) {
        roles.put(student, List.of("student"));
        roles.put(instructor, List.of("student", "instructor"));
        roles.put(admin, List.of("student", "instructor", "admin"));
        roles.keySet().forEach(PlatformUsers.Session::token);
    }

    /** Whether the operation's role check lets the caller (one of these three) in. */
    boolean admits(OpenApiContract.Access access, PlatformUsers.Session caller) {
        return roles.containsKey(caller) && access.admits(roles.get(caller));
    }

    /** The least privileged of the three the operation admits: a student, else the instructor, else the admin. */
    PlatformUsers.Session leastPrivileged(OpenApiContract.Access access) {
        return roles.keySet().stream().filter(caller -> admits(access, caller)).findFirst()
                .orElseThrow(() -> new AssertionError("none of the callers may call " + access.method() + " "
                        + access.path()));
    }
}
