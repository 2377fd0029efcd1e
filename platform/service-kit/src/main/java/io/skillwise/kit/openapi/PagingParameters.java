package io.skillwise.kit.openapi;

import io.skillwise.kit.web.PageView;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The bounds of {@code page} and {@code size} on every list, documented once. A list takes both query parameters and
 * checks them with {@link PageView#check} (docs/api-conventions.md, "Lists"), which refuses a size outside
 * 1..{@value PageView#MAX_SIZE} and a page deeper than {@value PageView#MAX_OFFSET} items, so the page index is at
 * most that many. An operation that documents its own bounds keeps them.
 */
final class PagingParameters implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Optional<Schema<?>> page = queryParameter(operation, "page");
        Optional<Schema<?>> size = queryParameter(operation, "size");
        if (page.isPresent() && size.isPresent()) {
            bound(page.get(), 0, PageView.MAX_OFFSET);
            bound(size.get(), 1, PageView.MAX_SIZE);
        }
        return operation;
    }

    private static Optional<Schema<?>> queryParameter(Operation operation, String name) {
        for (Parameter parameter : operation.getParameters() == null ? List.<Parameter>of()
                : operation.getParameters()) {
            if ("query".equals(parameter.getIn()) && name.equals(parameter.getName())) {
                return Optional.ofNullable(parameter.getSchema());
            }
        }
        return Optional.empty();
    }

    private static void bound(Schema<?> schema, long minimum, long maximum) {
        if (schema.getMinimum() == null) {
            schema.setMinimum(BigDecimal.valueOf(minimum));
        }
        if (schema.getMaximum() == null) {
            schema.setMaximum(BigDecimal.valueOf(maximum));
        }
    }
}
