package io.skillwise.identity.admin;

import io.skillwise.identity.account.InvalidFieldsException;
import io.skillwise.identity.admin.AdminViews.UserView;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

/** Admin user management; every route needs the admin realm role (checked here too, not only at the gateway). */
@Tag(name = "User administration", description = "Admins find, change, approve and disable user accounts")
@RestController
@PreAuthorize("hasRole('admin')")
public class AdminUserController {

    private final AdminUserService users;

    public AdminUserController(AdminUserService users) {
        this.users = users;
    }

    /**
     * Search by email or name ({@code search}), {@code role}, {@code status} (enabled, disabled, unverified,
     * instructor-requested); {@code sort} is {@code createdAt|email|displayName,asc|desc}, newest first by default.
     */
    @Operation(summary = "Search users",
            description = "Admins only: accounts by e-mail or name, role and status (enabled, disabled, unverified, "
                    + "instructor-requested), sorted by createdAt, email or displayName. Changes nothing.")
    @ApiResponse(responseCode = "400",
            description = "`validation` or `bad-request`: page below 0, size outside 1 to 100, an unknown role, "
                    + "status or sort")
    @GetMapping("/api/v1/admin/users")
    public PageView<UserView> search(@RequestParam(required = false) @Size(max = 254) String search,
                                     @RequestParam(required = false) @Size(max = 50) String role,
                                     @Parameter(schema = @Schema(allowableValues = {"enabled", "disabled",
                                             "unverified", "instructor-requested"}))
                                     @RequestParam(required = false) String status,
                                     @Parameter(description = "createdAt, email or displayName, then ,asc or ,desc")
                                     @RequestParam(required = false) @Size(max = 30) String sort,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "20") int size) {
        return users.search(search, role, status, sort, page, size);
    }

    @Operation(summary = "Read a user",
            description = "Admins only: one account with roles, status and whether it asked to teach. Changes "
                    + "nothing.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such user")
    @GetMapping("/api/v1/users/{id}")
    public UserView get(@PathVariable UUID id) {
        return users.get(id);
    }

    @Operation(summary = "Change a user",
            description = "Admins only: roles (approving an instructor adds `instructor`) and enabled, nothing "
                    + "else (JSON merge patch). Disabling ends the user's sessions at once. Publishes "
                    + "UserRolesChanged when roles change.")
    @ApiResponse(responseCode = "400",
            description = "`validation`: an unknown or read-only field, or a value that breaks its constraint "
                    + "(`errors` names each)")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such user")
    @ApiResponse(responseCode = "409",
            description = "`conflict`: an admin removing their own admin role or disabling themselves")
    @PatchMapping(path = "/api/v1/users/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    // the body is read as a tree (nulls clear, unknown fields refused by name); the document shows its fields
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = UserChanges.class)),
            @Content(mediaType = "application/merge-patch+json",
                    schema = @Schema(implementation = UserChanges.class))})
    public UserView update(@PathVariable UUID id, @RequestBody JsonNode body) {
        return users.update(CurrentUser.require(), id, body);
    }

    @Operation(summary = "Delete a user",
            description = "Admins only: deletes the account here and in Keycloak and ends its sessions; other "
                    + "services anonymise what they hold. Publishes UserDeactivated.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such user")
    @ApiResponse(responseCode = "409", description = "`conflict`: an admin deleting their own account")
    @DeleteMapping("/api/v1/users/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable UUID id) {
        users.delete(CurrentUser.require(), id);
    }

    @ExceptionHandler(InvalidFieldsException.class)
    ProblemDetail invalidFields(InvalidFieldsException e, HttpServletRequest request) {
        return e.toProblem(request.getRequestURI());
    }
}
