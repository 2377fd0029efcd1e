package io.skillwise.production;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused production start into Boot's "APPLICATION FAILED TO START" report instead of a stack trace. */
class ProductionConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ProductionConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProductionConfigurationException cause) {
        StringBuilder description = new StringBuilder(
                "The production profile refuses to start with this configuration:");
        cause.problems().forEach(problem -> description.append(System.lineSeparator()).append("  - ").append(problem));
        return new FailureAnalysis(description.toString(),
                "Give every key above a value of its own (from the secret store, usually as an environment variable). "
                        + "Development values are public. docs/configuration.md lists each secret, what it protects "
                        + "and how to generate and rotate it.", cause);
    }
}
