package io.skillwise.devstack;

/**
 * Where every part of the local platform listens (docs/local-infrastructure.md); system tests shift all of
 * them by one offset so they never collide with a platform a developer keeps running.
 */
public record StackPorts(int gateway, int identity, int catalog, int enrollment, int payment, int review,
                         int promotion, int notification, int analytics, int keycloak, int kafka,
                         int kafkaController, int postgres, int mongo, int redis, int smtp, int mailApi) {

    public static StackPorts defaults() {
        return new StackPorts(8080, 8081, 8082, 8083, 8084, 8085, 8086, 8087, 8088, 8180, 19092, 19093, 15432,
                27018, 16379, 3025, 8025);
    }

    public StackPorts shiftedBy(int offset) {
        return new StackPorts(gateway + offset, identity + offset, catalog + offset, enrollment + offset,
                payment + offset, review + offset, promotion + offset, notification + offset, analytics + offset,
                keycloak + offset, kafka + offset, kafkaController + offset, postgres + offset, mongo + offset,
                redis + offset, smtp + offset, mailApi + offset);
    }
}
