package io.skillwise.identity.admin;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The body of an admin's {@code PATCH /users/{id}} as the OpenAPI document shows it. The controller reads the body
 * as a JSON tree ({@link AdminUserService}) so that a field sent as null is told apart from one not sent and any
 * other field is refused by name; this record only describes that merge patch to clients.
 */
@Schema(name = "UserChanges",
        description = "A JSON merge patch of a user: only `roles` and `enabled`; any other field is refused by name.",
        example = "{\"roles\": [\"student\", \"instructor\"], \"enabled\": true}")
record UserChanges(
        @ArraySchema(arraySchema = @Schema(description = "The user's roles, replacing the current ones "
                + "(approving an instructor adds `instructor`); an admin cannot remove their own `admin`."),
                schema = @Schema(allowableValues = {"student", "instructor", "admin"}), minItems = 1, maxItems = 3,
                uniqueItems = true)
        List<String> roles,
        @Schema(description = "false disables the account and ends its sessions at once; an admin cannot disable "
                + "themselves.")
        Boolean enabled) {
}
