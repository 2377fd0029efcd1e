package io.skillwise.devstack;

import java.util.function.ToIntFunction;

/** The services of docs/architecture.md, section 2: their module, their store and their port. */
public enum PlatformService {
    IDENTITY("identity-service", "identity", Store.POSTGRES, StackPorts::identity),
    CATALOG("catalog-service", "catalog", Store.POSTGRES, StackPorts::catalog),
    ENROLLMENT("enrollment-service", "enrollment", Store.POSTGRES, StackPorts::enrollment),
    PAYMENT("payment-service", "payment", Store.POSTGRES, StackPorts::payment),
    REVIEW("review-service", "review", Store.MONGO, StackPorts::review),
    PROMOTION("promotion-service", "promotion", Store.POSTGRES, StackPorts::promotion),
    NOTIFICATION("notification-service", "notification", Store.MONGO, StackPorts::notification),
    ANALYTICS("analytics-service", "analytics", Store.POSTGRES, StackPorts::analytics);

    public enum Store { POSTGRES, MONGO }

    private final String module;
    private final String shortName;
    private final Store store;
    private final ToIntFunction<StackPorts> port;

    PlatformService(String module, String shortName, Store store, ToIntFunction<StackPorts> port) {
        this.module = module;
        this.shortName = shortName;
        this.store = store;
        this.port = port;
    }

    public String module() {
        return module;
    }

    /** Also the name of its database and of its gateway configuration key. */
    public String shortName() {
        return shortName;
    }

    public Store store() {
        return store;
    }

    public int port(StackPorts ports) {
        return port.applyAsInt(ports);
    }
}
