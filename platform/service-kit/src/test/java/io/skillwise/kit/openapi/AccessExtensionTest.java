package io.skillwise.kit.openapi;

import io.skillwise.kit.security.OwnedObject;
import io.skillwise.kit.security.PublicEndpoints;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessExtensionTest {

    private final AccessExtension extension = new AccessExtension(new PublicRoutes(PublicEndpoints.none()
            .get("/api/v1/courses", "/api/v1/courses/*")));

    @Test
    void aRoleOnTheMethodWinsOverTheRolesOfItsClass() {
        assertThat(accessOf("GET", "/api/v1/admin/courses", "adminOnly")).isEqualTo(Map.of("level", "roles",
                "roles", List.of("admin")));
        assertThat(accessOf("POST", "/api/v1/courses", "inheritsTheClassRoles")).isEqualTo(Map.of("level", "roles",
                "roles", List.of("instructor", "admin")));
    }

    @Test
    void aRouteWithoutTokenIsPublicAndAnInternalOneIsForServices() {
        assertThat(accessOf("GET", "/api/v1/courses/{id}", "open")).isEqualTo(Map.of("level", "public"));
        assertThat(accessOf("POST", "/internal/promotions/quote", "open")).isEqualTo(Map.of("level", "service"));
        assertThat(accessOf("POST", "/api/v1/courses/{id}", "open")).isEqualTo(Map.of("level", "authenticated"));
    }

    @Test
    void anOperationOnSomeoneElsesObjectSaysWhoMayActOnIt() {
        assertThat(accessOf("DELETE", "/api/v1/reviews/{id}", "owned")).isEqualTo(Map.of("level", "authenticated",
                "objectOwner", "the review's author, or an admin"));
    }

    @Test
    void expressionsAreReadWithSpelAndWhatCannotBeDocumentedFails() {
        assertThat(RequiredRoles.roles("hasRole('admin') or hasAnyRole('instructor', \"admin\")"))
                .containsExactly("admin", "instructor");
        assertThat(RequiredRoles.roles("isAuthenticated()")).isEmpty();
        assertThat(RequiredRoles.roles("isAuthenticated() or hasRole('admin')")).isEmpty();
        assertThatThrownBy(() -> RequiredRoles.roles("hasRole('admin') and hasRole('instructor')"))
                .hasMessageContaining("cannot be documented");
        assertThatThrownBy(() -> RequiredRoles.roles("@ownership.check(#id)"))
                .hasMessageContaining("cannot be documented");
    }

    private Object accessOf(String method, String path, String handlerName) {
        Operation operation = extension.customize(new Operation(), handler(handlerName));
        PathItem item = new PathItem();
        item.operation(PathItem.HttpMethod.valueOf(method), operation);
        OpenAPI openApi = new OpenAPI().paths(new Paths().addPathItem(path, item));
        extension.customise(openApi);
        return operation.getExtensions().get(AccessExtension.NAME);
    }

    private static HandlerMethod handler(String name) {
        try {
            return new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod(name));
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @PreAuthorize("hasAnyRole('instructor', 'admin')")
    static class Handlers {

        @PreAuthorize("hasRole('admin')")
        void adminOnly() {
        }

        void inheritsTheClassRoles() {
        }

        @PreAuthorize("isAuthenticated()")
        void open() {
        }

        @PreAuthorize("isAuthenticated()")
        @OwnedObject("the review's author, or an admin")
        void owned() {
        }
    }
}
