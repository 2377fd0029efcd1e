package io.skillwise.production;

import java.util.List;

/** The production profile found required settings without values of their own; the application must not start. */
public class ProductionConfigurationException extends RuntimeException {

    private final List<String> problems;

    public ProductionConfigurationException(List<String> problems) {
        super("The production profile refuses this configuration: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
