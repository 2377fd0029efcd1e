package io.skillwise.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skillwise.devstack.DevStack;
import io.skillwise.devstack.PlatformService;
import io.skillwise.devstack.process.ServiceProcess;
import io.skillwise.testsupport.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue #19's "two of everything": the platform with two instances of every service and of the gateway
 * ({@code -Dskillwise.systemtests.replicas=2}; eighteen JVMs beside Keycloak and the stores, too much for the default
 * build on two cores, so this class runs only then). The instances of a service join its consumer groups, each
 * partition held by one consumer of either; two gateways together let a user through no more than one limit allows (the buckets are in
 * Redis); and a stream of purchases, delivered to both gateways in turn, during which the second instance of every
 * service and the second gateway are killed, loses and doubles nothing: every outbox relay, scheduler and consumer
 * runs twice, and every book still balances ({@link PlatformLedgers}).
 * Size: {@code -Dskillwise.twoofeverything.purchases} (default 30).
 */
@EnabledIfSystemProperty(named = "skillwise.systemtests.replicas", matches = "[2-4]")
class TwoOfEverythingIT {

    private static final int PURCHASES = Integer.getInteger("skillwise.twoofeverything.purchases", 30);
    private static final int USER_LIMIT = 30;

    private static DevStack platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.get();
    }

    /**
     * Each instance runs the same consumers (a listener's concurrency), whose Kafka client ids are numbered per JVM
     * ({@code consumer-<group>-<n>}): in a group both instances joined, every client id appears once per instance.
     * Kafka then gives each partition to exactly one of all these consumers, whichever instance runs it.
     */
    @Test
    void theInstancesOfEachServiceJoinItsConsumerGroupsAndEachPartitionHasOneConsumer() throws Exception {
        try (Admin admin = platform.kafka().admin()) {
            await("every instance in its service's groups").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                        Map<String, ConsumerGroupDescription> groups = serviceGroups(admin);
                        assertThat(groups).as("the services' consumer groups").isNotEmpty();
                        groups.forEach((group, description) -> {
                            Map<String, Long> perClient = description.members().stream().collect(
                                    Collectors.groupingBy(MemberDescription::clientId, Collectors.counting()));
                            assertThat(perClient.values()).as("consumers of " + group + " per instance: " + perClient)
                                    .allMatch(count -> count == platform.replicas());
                            List<TopicPartition> held = description.members().stream()
                                    .flatMap(m -> m.assignment().topicPartitions().stream()).toList();
                            assertThat(held).as("partitions of " + group).isNotEmpty().doesNotHaveDuplicates();
                        });
                    });
            Map<String, String> split = new TreeMap<>();
            serviceGroups(admin).forEach((group, description) -> split.put(group, description.members().size()
                    + " consumers holding " + description.members().stream()
                    .mapToInt(m -> m.assignment().topicPartitions().size()).sum() + " partitions"));
            System.out.println("[two of everything] consumer groups: " + split);
        }
    }

    @Test
    void twoGatewaysTogetherLetAUserThroughNoMoreThanOneLimit() throws Exception {
        Map<String, String> lowLimit = Map.of("SKILLWISE_GATEWAY_RATE_LIMIT_USER_CAPACITY", String.valueOf(USER_LIMIT),
                "SKILLWISE_GATEWAY_RATE_LIMIT_USER_PERIOD", "1h");
        // between the first instances' ports and the second ones': inside this run's port offset, taken by nothing
        int port = platform.ports().gateway() + DevStack.REPLICA_PORT_STEP / 2;
        List<ServiceProcess> limited = List.of(
                platform.gatewayVariant("gateway-limited-a", port, lowLimit),
                platform.gatewayVariant("gateway-limited-b", port + 1, lowLimit));
        try {
            for (ServiceProcess gateway : limited) {
                gateway.start();
            }
            PlatformUsers.Session user = PlatformUsers.verifiedStudent(platform);
            String token = user.token();
            Map<String, Integer> accepted = new HashMap<>();
            Map<String, Integer> refused = new HashMap<>();
            for (int i = 0; i < 2 * USER_LIMIT; i++) {
                ServiceProcess gateway = limited.get(i % 2);
                int status = ApiClient.at(gateway.baseUrl() + "/api/v1").withToken(token).get("/enrollments").status();
                assertThat(status).as("request %d through %s", i, gateway.name()).isIn(200, 429);
                (status == 200 ? accepted : refused).merge(gateway.name(), 1, Integer::sum);
            }
            int total = accepted.values().stream().mapToInt(Integer::intValue).sum();
            System.out.printf("[two of everything] limit %d per user: accepted %s, refused %s%n", USER_LIMIT,
                    accepted, refused);
            assertThat(total).as("accepted by both gateways together").isPositive().isLessThanOrEqualTo(USER_LIMIT);
            assertThat(refused.keySet()).as("both gateways refuse once the shared bucket is empty")
                    .containsExactlyInAnyOrder("gateway-limited-a", "gateway-limited-b");
        } finally {
            limited.forEach(ServiceProcess::stop);
        }
    }

    @Test
    void aPurchaseStreamLosesAndDoublesNothingWhenOneInstanceOfEachIsKilledMidWay() throws Exception {
        long begin = System.nanoTime();
        List<String> gateways = platform.gateways().stream().map(ServiceProcess::baseUrl).toList();
        PurchaseStream stream = PurchaseStream.prepare(platform, PURCHASES, gateways);
        PlatformLedgers ledgers = PlatformLedgers.from(platform);
        List<List<PurchaseStream.Purchase>> halves = stream.slices(2);
        List<String> killed = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
            PurchaseStream.finish(stream.start(halves.getFirst(), clients));
            CompletableFuture<Void> second = stream.start(halves.get(1), clients);
            int before = stream.finished();
            await().atMost(PurchaseStream.CLIENT_PATIENCE).until(() -> stream.finished() > before || second.isDone());
            try {
                for (PlatformService service : PlatformService.values()) {
                    ServiceProcess last = platform.instances(service).getLast();
                    platform.kill(last.name());
                    killed.add(last.name());
                }
                ServiceProcess lastGateway = platform.gateways().getLast();
                platform.kill(lastGateway.name());
                killed.add(lastGateway.name());
                PurchaseStream.finish(second);
            } finally {
                for (String name : killed) {
                    platform.start(name);
                }
            }
        }
        String counts = ledgers.check(stream);
        System.out.printf("[two of everything] killed mid-way: %s%n[two of everything] %s%n[two of everything] %s%n"
                        + "[two of everything] took %.0f s%n", killed, stream.summary(), counts,
                (System.nanoTime() - begin) / 1e9);
    }

    /** The consumer groups with members: the services' (the tests read topics by assignment, without a group). */
    private static Map<String, ConsumerGroupDescription> serviceGroups(Admin admin) throws Exception {
        List<String> ids = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId).toList();
        Map<String, ConsumerGroupDescription> groups = new TreeMap<>();
        admin.describeConsumerGroups(ids).all().get().forEach((id, description) -> {
            if (!description.members().isEmpty()) {
                groups.put(id, description);
            }
        });
        return groups;
    }
}
