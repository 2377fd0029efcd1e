package io.skillwise.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.skillwise.deploy.Docs;
import io.skillwise.deploy.config.Application;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network policies allow exactly the flows of the table "Network flows" in docs/operations.md. Each policy's
 * selectors are evaluated against the pods that exist: the applications' and Redis' from their templates, the
 * stores' and Keycloak's with the labels their operators give them, and the namespaces outside.
 */
class NetworkPolicyTest {

    private static final String NAMESPACE_LABEL = "kubernetes.io/metadata.name";

    /** A pod (or group of pods) a flow starts or ends at; namespace null for this namespace. */
    private record Endpoint(String name, String namespace, Map<String, String> labels) {
    }

    private record Flow(String from, String to, int port) implements Comparable<Flow> {
        @Override
        public int compareTo(Flow other) {
            return toString().compareTo(other.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void thePoliciesAllowExactlyTheDocumentedFlows(String overlayName) {
        Overlay overlay = Overlay.named(overlayName);
        List<Endpoint> endpoints = endpoints(overlay);
        Set<Flow> ingress = new TreeSet<>();
        Set<Flow> egress = new TreeSet<>();
        for (NetworkPolicy policy : overlay.all(NetworkPolicy.class)) {
            List<Endpoint> selected = select(endpoints, null, policy.getSpec().getPodSelector());
            assertThat(selected).as(policy.getMetadata().getName() + " selects pods").isNotEmpty();
            policy.getSpec().getIngress().forEach(rule -> {
                assertThat(rule.getFrom()).as(policy.getMetadata().getName() + ": from anywhere").isNotEmpty();
                for (Endpoint from : peers(endpoints, rule.getFrom())) {
                    for (Endpoint to : selected) {
                        ports(rule.getPorts()).forEach(port -> ingress.add(new Flow(from.name(), to.name(), port)));
                    }
                }
            });
            policy.getSpec().getEgress().forEach(rule -> {
                assertThat(rule.getTo()).as(policy.getMetadata().getName() + ": to anywhere").isNotEmpty();
                for (Endpoint to : peers(endpoints, rule.getTo())) {
                    for (Endpoint from : selected) {
                        ports(rule.getPorts()).forEach(port -> egress.add(new Flow(from.name(), to.name(), port)));
                    }
                }
            });
        }
        Set<Flow> allowed = new TreeSet<>(ingress);
        allowed.addAll(egress);
        Set<Flow> documented = documented(overlayName);

        assertThat(allowed).containsExactlyInAnyOrderElementsOf(documented);
        Set<String> applications = new TreeSet<>(Application.all().stream().map(Application::name).toList());
        for (Flow flow : documented) {
            // every application pod denies both ways by default: a flow needs its egress and its ingress allowed
            if (applications.contains(flow.from())) {
                assertThat(egress).as("egress of " + flow).contains(flow);
            }
            if (applications.contains(flow.to())) {
                assertThat(ingress).as("ingress of " + flow).contains(flow);
            }
        }
        assertThat(overlay.all(NetworkPolicy.class)).as("a policy denying all traffic of every application pod")
                .anySatisfy(policy -> {
                    assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
                    assertThat(policy.getSpec().getIngress()).isEmpty();
                    assertThat(policy.getSpec().getEgress()).isEmpty();
                    assertThat(select(endpoints, null, policy.getSpec().getPodSelector())).extracting(Endpoint::name)
                            .containsExactlyInAnyOrderElementsOf(applications);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theKafkaListenerAdmitsTheServicesAndNotTheGateway(String overlayName) {
        Overlay overlay = Overlay.named(overlayName);
        var listener = overlay.get(io.strimzi.api.kafka.model.kafka.Kafka.class, "skillwise").getSpec().getKafka()
                .getListeners().getFirst();
        for (Application application : Application.all()) {
            Map<String, String> labels = overlay.get(Deployment.class, application.name()).getSpec().getTemplate()
                    .getMetadata().getLabels();
            boolean admitted = listener.getNetworkPolicyPeers().stream()
                    .anyMatch(peer -> Labels.matches(peer.getPodSelector(), labels));
            assertThat(admitted).as(application.name()).isEqualTo(!application.gateway());
        }
    }

    private static Set<Flow> documented(String overlay) {
        Set<Flow> flows = new TreeSet<>();
        for (List<String> row : Docs.table("docs/operations.md", "Network flows")) {
            if (!row.get(3).equals("both") && !row.get(3).equals(overlay)) {
                continue;
            }
            for (String from : Docs.list(row.get(0))) {
                for (String to : Docs.list(row.get(1))) {
                    flows.add(new Flow(from, to, Integer.parseInt(row.get(2))));
                }
            }
        }
        return flows;
    }

    private static List<Endpoint> endpoints(Overlay overlay) {
        List<Endpoint> endpoints = new ArrayList<>();
        overlay.all(Deployment.class).forEach(d -> endpoints.add(new Endpoint(d.getMetadata().getName(), null,
                d.getSpec().getTemplate().getMetadata().getLabels())));
        overlay.all(StatefulSet.class).forEach(s -> endpoints.add(new Endpoint(s.getMetadata().getName(), null,
                s.getSpec().getTemplate().getMetadata().getLabels())));
        // the operators' pods, with the labels each operator sets (Strimzi Labels, CloudNativePG utils, the MongoDB
        // Community operator's StatefulSet, the Keycloak operator's Constants)
        endpoints.add(new Endpoint("kafka", null, Map.of("strimzi.io/cluster", "skillwise", "strimzi.io/kind", "Kafka",
                "strimzi.io/name", "skillwise-kafka", "strimzi.io/broker-role", "true")));
        endpoints.add(new Endpoint("postgres", null, Map.of("cnpg.io/cluster", "skillwise-postgres", "cnpg.io/podRole", "instance")));
        endpoints.add(new Endpoint("mongodb", null, Map.of("app", "skillwise-mongodb-svc")));
        endpoints.add(new Endpoint("keycloak", null, Map.of("app", "keycloak", "app.kubernetes.io/instance", "keycloak",
                "app.kubernetes.io/managed-by", "keycloak-operator")));
        endpoints.add(new Endpoint("ingress controller", "ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx")));
        endpoints.add(new Endpoint("prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus")));
        endpoints.add(new Endpoint("otlp collector", "observability", Map.of("app.kubernetes.io/name", "opentelemetry-collector")));
        endpoints.add(new Endpoint("dns", "kube-system", Map.of("k8s-app", "kube-dns")));
        return endpoints;
    }

    private static List<Endpoint> peers(List<Endpoint> endpoints, List<NetworkPolicyPeer> peers) {
        List<Endpoint> resolved = new ArrayList<>();
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                assertThat(peer.getIpBlock().getCidr()).isEqualTo("0.0.0.0/0");
                assertThat(peer.getIpBlock().getExcept()).as("outside the cluster only")
                        .contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");
                resolved.add(new Endpoint("internet", "", Map.of()));
                continue;
            }
            List<Endpoint> matched = select(endpoints, peer.getNamespaceSelector(), peer.getPodSelector());
            assertThat(matched).as("peer " + peer + " matches a known pod").isNotEmpty();
            resolved.addAll(matched);
        }
        return resolved;
    }

    private static List<Endpoint> select(List<Endpoint> endpoints, LabelSelector namespaces, LabelSelector pods) {
        return endpoints.stream().filter(endpoint -> {
            boolean namespaceMatches = namespaces == null ? endpoint.namespace() == null
                    : endpoint.namespace() != null && Labels.matches(namespaces, Map.of(NAMESPACE_LABEL, endpoint.namespace()));
            boolean podMatches = pods == null || isEmpty(pods) || Labels.matches(pods, endpoint.labels());
            return namespaceMatches && podMatches;
        }).toList();
    }

    private static boolean isEmpty(LabelSelector selector) {
        return (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    }

    private static List<Integer> ports(List<NetworkPolicyPort> ports) {
        assertThat(ports).as("every rule names its ports").isNotEmpty();
        return ports.stream().map(p -> p.getPort().getIntVal()).distinct().toList();
    }
}
