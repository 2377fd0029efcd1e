package io.skillwise.devstack;

import io.skillwise.devstack.process.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a platform of several instances per service is laid out before anything starts. */
class DevStackReplicasTest {

    @TempDir
    Path state;

    @Test
    void secondInstancesListenOnTheirOwnPortsAndEveryGatewayKnowsEveryInstance() {
        StackPorts ports = StackPorts.defaults().shiftedBy(20000);
        try (DevStack stack = stack(ports, 2)) {
            List<ServiceProcess> catalogs = stack.instances(PlatformService.CATALOG);
            assertThat(catalogs).extracting(ServiceProcess::name).containsExactly("catalog", "catalog-2");
            assertThat(catalogs).extracting(ServiceProcess::port)
                    .containsExactly(ports.catalog(), ports.catalog() + DevStack.REPLICA_PORT_STEP);
            assertThat(catalogs.get(1).environment()).containsEntry("SERVER_PORT",
                    Integer.toString(ports.catalog() + DevStack.REPLICA_PORT_STEP));
            assertThat(catalogs.get(1).environment().get("SPRING_DATASOURCE_URL"))
                    .as("the second instance shares the first one's database")
                    .isEqualTo(catalogs.get(0).environment().get("SPRING_DATASOURCE_URL"));
            assertThat(stack.gateways()).extracting(ServiceProcess::port)
                    .containsExactly(ports.gateway(), ports.gateway() + DevStack.REPLICA_PORT_STEP);
            for (ServiceProcess gateway : stack.gateways()) {
                assertThat(gateway.environment()).containsEntry("SKILLWISE_GATEWAY_SERVICES_CATALOG",
                        "http://127.0.0.1:" + ports.catalog() + ",http://127.0.0.1:"
                                + (ports.catalog() + DevStack.REPLICA_PORT_STEP));
            }
            assertThat(stack.busyPorts()).isEmpty();
            assertThat(stack.components()).extracting(Component::name)
                    .contains("postgres", "kafka", "analytics", "analytics-2", "gateway", "gateway-2")
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void oneInstanceKeepsThePlainNamesAndASingleServiceUrl() {
        StackPorts ports = StackPorts.defaults().shiftedBy(20000);
        try (DevStack stack = stack(ports, 1)) {
            assertThat(stack.instances(PlatformService.PAYMENT)).extracting(ServiceProcess::name)
                    .containsExactly("payment");
            assertThat(stack.gateway().environment()).containsEntry("SKILLWISE_GATEWAY_SERVICES_PAYMENT",
                    "http://127.0.0.1:" + ports.payment());
        }
    }

    @Test
    void componentsAreFoundByName() {
        try (DevStack stack = stack(StackPorts.defaults().shiftedBy(20000), 2)) {
            assertThat(stack.component("kafka")).isSameAs(stack.kafka());
            assertThat(stack.component("gateway-2")).isSameAs(stack.gateways().get(1));
            assertThatThrownBy(() -> stack.component("kafka-2")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no component named kafka-2");
            assertThatThrownBy(() -> stack.kill("postgres")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theReplicasOptionTakesAWholeNumberFromOneToFour() {
        assertThat(DevStackMain.replicas(List.of("--fresh"))).isEqualTo(1);
        assertThat(DevStackMain.replicas(List.of("--replicas", "2", "--fresh"))).isEqualTo(2);
        assertThatThrownBy(() -> DevStackMain.replicas(List.of("--replicas"))).hasMessageContaining("needs a number");
        assertThatThrownBy(() -> DevStackMain.replicas(List.of("--replicas", "two")))
                .hasMessageContaining("not 'two'");
        assertThatThrownBy(() -> DevStackMain.replicas(List.of("--replicas", "5"))).hasMessageContaining("not 5");
    }

    private DevStack stack(StackPorts ports, int replicas) {
        return new DevStack(new StackLayout(StackLayout.locateHome(), state, StackLayout.currentJavaHome()), ports,
                Map.of(), JvmSettings.LOCAL, replicas);
    }
}
