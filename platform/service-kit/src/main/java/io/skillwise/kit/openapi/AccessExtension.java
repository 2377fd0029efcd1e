package io.skillwise.kit.openapi;

import io.skillwise.kit.security.OwnedObject;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may call each operation, in the machine-readable extension {@value #NAME} (docs/security.md), generated from
 * what the code enforces rather than written by hand: {@code level} is {@code public} for the routes the service
 * lists in {@code PublicEndpoints}, {@code service} for {@code /internal/**} (other services' tokens only),
 * {@code roles} when a {@code @PreAuthorize} on the method or its class names roles (listed in {@code roles}, of which
 * the caller needs one) and {@code authenticated} for any signed-in user; {@code objectOwner} says who may act on the
 * object the operation names ({@link OwnedObject}).
 *
 * <p>The handler is only known while springdoc documents one operation, the path only once the document is whole:
 * the roles and owner are read in the first step, the level decided in the second.
 */
final class AccessExtension implements OperationCustomizer, GlobalOpenApiCustomizer {

    static final String NAME = "x-skillwise-access";
    static final String LEVEL = "level";
    static final String ROLES = "roles";
    static final String OBJECT_OWNER = "objectOwner";

    private final PublicRoutes publicRoutes;

    AccessExtension(PublicRoutes publicRoutes) {
        this.publicRoutes = publicRoutes;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Map<String, Object> access = new LinkedHashMap<>();
        List<String> roles = RequiredRoles.of(handler);
        if (!roles.isEmpty()) {
            access.put(ROLES, roles);
        }
        OwnedObject owned = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), OwnedObject.class);
        if (owned == null) {
            owned = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), OwnedObject.class);
        }
        if (owned != null) {
            access.put(OBJECT_OWNER, owned.value());
        }
        operation.addExtension(NAME, access);
        return operation;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operation.addExtension(NAME, complete(path, method, operation))));
    }

    private Map<String, Object> complete(String path, PathItem.HttpMethod method, Operation operation) {
        Map<?, ?> found = operation.getExtensions() == null || !(operation.getExtensions().get(NAME) instanceof Map<?, ?> map)
                ? Map.of() : map;
        Object roles = found.get(ROLES);
        Map<String, Object> access = new LinkedHashMap<>();
        access.put(LEVEL, level(path, method, roles != null));
        if (roles != null) {
            access.put(ROLES, roles);
        }
        if (found.get(OBJECT_OWNER) != null) {
            access.put(OBJECT_OWNER, found.get(OBJECT_OWNER));
        }
        return access;
    }

    private String level(String path, PathItem.HttpMethod method, boolean roles) {
        if (path.startsWith("/internal/")) {
            return "service";
        }
        if (roles) {
            // method security runs after the route's rule, so a public route with a role check needs the role
            return "roles";
        }
        return publicRoutes.isPublic(path, method) ? "public" : "authenticated";
    }
}
