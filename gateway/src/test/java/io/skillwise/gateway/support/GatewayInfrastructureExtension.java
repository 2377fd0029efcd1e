package io.skillwise.gateway.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts {@link GatewayTestInfrastructure} before the first test class that needs it and, by keeping it in
 * the root store, has JUnit close it once the whole run is over.
 */
public final class GatewayInfrastructureExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(GatewayInfrastructureExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(GatewayTestInfrastructure.class, key -> GatewayTestInfrastructure.get(),
                        GatewayTestInfrastructure.class);
    }
}
