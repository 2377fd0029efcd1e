package io.skillwise.kit.openapi;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.MethodReference;
import org.springframework.expression.spel.ast.OpOr;
import org.springframework.expression.spel.ast.StringLiteral;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The roles a handler needs, read the way Spring Security reads them: the {@code @PreAuthorize} of the method, else
 * of its class. The expression is parsed with SpEL's own parser; {@code hasRole}, {@code hasAnyRole},
 * {@code isAuthenticated} and {@code or} of these are understood, and anything else fails the document, because a
 * document that could not tell who may call an operation would lie about it.
 */
final class RequiredRoles {

    private static final SpelExpressionParser PARSER = new SpelExpressionParser();
    /** Stands for {@code isAuthenticated()} while the expression is read; never a role name (roles are words). */
    private static final String ANY_USER = "*";

    private RequiredRoles() {
    }

    /** The roles of which the caller needs one; empty when any signed-in user passes or nothing is declared. */
    static List<String> of(HandlerMethod handler) {
        return expressionOf(handler).map(RequiredRoles::roles).orElse(List.of());
    }

    private static Optional<String> expressionOf(HandlerMethod handler) {
        PreAuthorize onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        PreAuthorize annotation = onMethod != null ? onMethod
                : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        return Optional.ofNullable(annotation).map(PreAuthorize::value);
    }

    static List<String> roles(String expression) {
        SpelExpression parsed = (SpelExpression) PARSER.parseRaw(expression);
        Set<String> roles = new LinkedHashSet<>();
        collect(parsed.getAST(), expression, roles);
        // "isAuthenticated() or hasRole('x')" lets every signed-in user in
        return roles.contains(ANY_USER) ? List.of() : List.copyOf(roles);
    }

    private static void collect(SpelNode node, String expression, Set<String> roles) {
        if (node instanceof OpOr) {
            for (int i = 0; i < node.getChildCount(); i++) {
                collect(node.getChild(i), expression, roles);
            }
        } else if (node instanceof MethodReference method && method.getName().equals("isAuthenticated")
                && method.getChildCount() == 0) {
            roles.add(ANY_USER);
        } else if (node instanceof MethodReference method
                && (method.getName().equals("hasRole") || method.getName().equals("hasAnyRole"))
                && method.getChildCount() > 0) {
            for (int i = 0; i < method.getChildCount(); i++) {
                if (!(method.getChild(i) instanceof StringLiteral literal)) {
                    throw unsupported(expression);
                }
                roles.add(String.valueOf(literal.getLiteralValue().getValue()));
            }
        } else {
            throw unsupported(expression);
        }
    }

    private static IllegalStateException unsupported(String expression) {
        return new IllegalStateException("@PreAuthorize(\"" + expression + "\") cannot be documented: the kit's "
                + "x-skillwise-access understands hasRole, hasAnyRole, isAuthenticated and 'or' (docs/security.md)");
    }
}
