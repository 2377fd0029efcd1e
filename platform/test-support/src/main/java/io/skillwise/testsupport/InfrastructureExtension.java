package io.skillwise.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts what {@link WithInfrastructure} asks for before the class runs, and hands out the
 * {@link TestInfrastructure} (or the {@link TestTokens} issuer) as a parameter. Spring tests get their properties from
 * {@link InfrastructureContextCustomizerFactory}.
 */
public final class InfrastructureExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        WithInfrastructure wanted = context.getRequiredTestClass().getAnnotation(WithInfrastructure.class);
        if (wanted != null) {
            InfrastructureProperties.of(context.getRequiredTestClass(), wanted);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestInfrastructure.class || type == TestTokens.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == TestTokens.class ? TestTokens.shared() : TestInfrastructure.shared();
    }
}
