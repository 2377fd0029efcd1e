package io.skillwise.identity.admin;

import io.skillwise.identity.account.InvalidFieldsException;
import io.skillwise.identity.admin.AdminViews.UserView;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.PageView;
import jakarta.servlet.http.HttpServletRequest;
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
    @GetMapping("/api/v1/admin/users")
    public PageView<UserView> search(@RequestParam(required = false) String search, @RequestParam(required = false) String role,
                           @RequestParam(required = false) String status, @RequestParam(required = false) String sort,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return users.search(search, role, status, sort, page, size);
    }

    @GetMapping("/api/v1/users/{id}")
    public UserView get(@PathVariable UUID id) {
        return users.get(id);
    }

    @PatchMapping(path = "/api/v1/users/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    public UserView update(@PathVariable UUID id, @RequestBody JsonNode body) {
        return users.update(CurrentUser.require(), id, body);
    }

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
