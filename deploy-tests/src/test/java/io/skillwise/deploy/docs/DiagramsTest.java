package io.skillwise.deploy.docs;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toCollection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.skillwise.deploy.Docs;
import io.skillwise.deploy.Docs.Block;
import io.skillwise.deploy.docs.Flowchart.Kind;
import io.skillwise.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The Mermaid diagrams of docs/diagrams.md name only what the code has, and the topic map names all of it. */
class DiagramsTest {

    private static final String DIAGRAMS = "docs/diagrams.md";
    private static final String SERVICES_HEADING = "Services and their stores";
    private static final String TOPICS_HEADING = "Topics: who produces and who consumes";
    private static final String SAGA_HEADING = "The purchase saga";

    private final Set<String> services = CodeFacts.serviceModules();
    private final DiagramCheck check = new DiagramCheck(services);

    @Test
    void everyDiagramNamesOnlyServicesTopicsAndEventsTheCodeHas() {
        List<Block> blocks = Docs.fencedBlocks(DIAGRAMS, "mermaid");

        assertThat(blocks).extracting(Block::heading).contains(SERVICES_HEADING, TOPICS_HEADING, SAGA_HEADING);
        for (Block block : blocks) {
            List<String> problems = block.code().strip().startsWith("sequenceDiagram")
                    ? check.problems(SequenceDiagram.parse(block.code()))
                    : check.problems(Flowchart.parse(block.code()));
            assertThat(problems).as("diagram under '%s'", block.heading()).isEmpty();
        }
    }

    @Test
    void servicesDiagramShowsEveryServiceModule() {
        Flowchart chart = Flowchart.parse(Docs.fencedBlockUnder(DIAGRAMS, SERVICES_HEADING, "mermaid").code());

        assertThat(chart.labels(Kind.SERVICE)).containsExactlyInAnyOrderElementsOf(services);
    }

    @Test
    void topicsDiagramShowsEveryTopicWithItsProducer() {
        Flowchart chart = topicsDiagram();

        assertThat(chart.labels(Kind.TOPIC)).containsExactlyInAnyOrderElementsOf(Topics.all());
        assertThat(flows(chart, Kind.SERVICE, Kind.TOPIC)).allSatisfy((topic, producers) ->
                assertThat(producers).containsExactly(CodeFacts.producerOf(topic).orElseThrow()));
        assertThat(flows(chart, Kind.SERVICE, Kind.TOPIC)).containsOnlyKeys(Topics.all());
    }

    @Test
    void topicsDiagramAndTheTopicTableOfTheEventsGuideAgree() {
        Map<String, Set<String>> consumers = flows(topicsDiagram(), Kind.TOPIC, Kind.SERVICE);
        List<List<String>> table = Docs.table("docs/events.md", "Topics");

        assertThat(table).extracting(row -> row.get(0)).containsExactlyInAnyOrderElementsOf(Topics.all());
        for (List<String> row : table) {
            String topic = row.get(0);
            assertThat(Docs.list(row.get(2))).as("events of %s in events.md", topic)
                    .containsExactlyInAnyOrderElementsOf(CodeFacts.eventsOn(topic));
            assertThat(row.get(3) + "-service").as("producer of %s in events.md", topic)
                    .isEqualTo(CodeFacts.producerOf(topic).orElseThrow());
            assertThat(consumers.getOrDefault(topic, Set.of())).as("consumers of %s", topic)
                    .containsExactlyInAnyOrderElementsOf(
                            Docs.list(row.get(4)).stream().map(consumer -> consumer + "-service").toList());
        }
    }

    @Test
    void sagaGoesFromCheckoutThroughPurchaseToEnrollment() {
        SequenceDiagram saga = SequenceDiagram.parse(Docs.fencedBlockUnder(DIAGRAMS, SAGA_HEADING, "mermaid").code());

        assertThat(saga.messages())
                .extracting(SequenceDiagram.Message::text)
                .contains("CheckoutStarted", "CoursePurchased", "StudentEnrolled");
    }

    @Test
    void aServiceTopicOrEventTheCodeDoesNotHaveIsReported() {
        Flowchart chart = Flowchart.parse("""
                flowchart LR
                    search["search-service"]:::service
                    review["review-service"]:::service
                    orders["payment.orders.v1"]:::topic
                    courses["catalog.course.v1"]:::topic
                    search --> orders
                    review --> courses
                """);
        SequenceDiagram saga = SequenceDiagram.parse("""
                sequenceDiagram
                    participant payment as payment-service
                    participant orders as payment.order.v1
                    participant ratings as review.ratings.v1
                    payment->>orders: CoursePurchased, CourseBought
                    payment->>orders: StudentEnrolled
                """);

        assertThat(check.problems(chart)).containsExactlyInAnyOrder(
                "no service module 'search-service'",
                "no topic 'payment.orders.v1' in Topics",
                "review-service does not publish on catalog.course.v1 (catalog-service does)");
        assertThat(check.problems(saga)).containsExactlyInAnyOrder(
                "no topic 'review.ratings.v1' in Topics",
                "no event 'CourseBought' in EventCatalog",
                "event StudentEnrolled is not published on payment.order.v1");
    }

    @Test
    void aLineOutsideTheDocumentedSubsetIsRefusedRatherThanSkipped() {
        assertThat(catchThrowable(() -> Flowchart.parse("""
                flowchart LR
                    payment["payment-service"]:::service
                    payment --> ledger[("earnings")]
                """))).hasMessageContaining("outside the documented Mermaid subset");
        assertThat(catchThrowable(() -> SequenceDiagram.parse("""
                sequenceDiagram
                    payment->>orders: CoursePurchased
                """))).hasMessageContaining("not declared");
    }

    private Flowchart topicsDiagram() {
        return Flowchart.parse(Docs.fencedBlockUnder(DIAGRAMS, TOPICS_HEADING, "mermaid").code());
    }

    /**
     * The edges from nodes of kind {@code from} to nodes of kind {@code to}, grouped by the topic end: topic label to
     * the labels of the services at the other end (producers for service-to-topic edges, consumers for the others).
     */
    private static Map<String, Set<String>> flows(Flowchart chart, Kind from, Kind to) {
        boolean keyedByTarget = from == Kind.SERVICE;
        return chart.edges().stream()
                .filter(edge -> edge.from().kind() == from && edge.to().kind() == to)
                .collect(groupingBy(
                        edge -> keyedByTarget ? edge.to().label() : edge.from().label(),
                        TreeMap::new,
                        mapping(edge -> keyedByTarget ? edge.from().label() : edge.to().label(),
                                toCollection(TreeSet::new))));
    }

}
