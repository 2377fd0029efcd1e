package io.skillwise.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skillwise.events.mother.EventSamples;
import io.skillwise.events.payment.SubscriptionRevenueShared;
import io.skillwise.events.promotion.AffiliateCommissionEarned;
import io.skillwise.events.promotion.AffiliateCommissionReversed;
import io.skillwise.events.promotion.CampaignEnded;
import io.skillwise.events.promotion.CampaignStarted;
import io.skillwise.events.promotion.CouponRedeemed;
import io.skillwise.events.promotion.CourseSaleCancelled;
import io.skillwise.events.promotion.CourseSaleScheduled;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The catalog, the topics, the schemas and the AsyncAPI document describe the same set of events. */
class EventCatalogTest {

    /** docs/architecture.md, section 3, in its order. */
    private static final List<String> ARCHITECTURE_TOPICS = List.of(
            "identity.user.v1",
            "catalog.course.v1",
            "payment.order.v1",
            "payment.subscription.v1",
            "enrollment.enrollment.v1",
            "review.review.v1",
            "promotion.promotion.v1",
            "notification.discussion.v1");

    /** The record component whose value is the Kafka key, per topic (promotion: per event, below). */
    private static final Map<String, String> KEY_COMPONENT = Map.of(
            Topics.IDENTITY_USER, "userId",
            Topics.CATALOG_COURSE, "courseId",
            Topics.PAYMENT_ORDER, "orderId",
            Topics.PAYMENT_SUBSCRIPTION, "subscriptionId",
            Topics.ENROLLMENT_ENROLLMENT, "enrollmentId",
            Topics.REVIEW_REVIEW, "courseId",
            Topics.NOTIFICATION_DISCUSSION, "threadId");

    /** Events keyed by an aggregate of their own rather than by their topic's usual key. */
    private static final Map<Class<?>, String> OWN_KEY_COMPONENT = Map.of(
            SubscriptionRevenueShared.class, "shareId");

    private static final Map<Class<?>, String> PROMOTION_KEY_COMPONENT = Map.of(
            CouponRedeemed.class, "couponId",
            CampaignStarted.class, "campaignId",
            CampaignEnded.class, "campaignId",
            AffiliateCommissionEarned.class, "commissionId",
            AffiliateCommissionReversed.class, "commissionId",
            CourseSaleScheduled.class, "saleId",
            CourseSaleCancelled.class, "saleId");

    private static final String SCHEMAS = "io/skillwise/events/schemas/";
    private static final String ASYNCAPI = "io/skillwise/events/asyncapi.yaml";

    @Test
    void topicsAreThoseOfTheArchitecture() {
        assertThat(Topics.all()).containsExactlyElementsOf(ARCHITECTURE_TOPICS);
    }

    @Test
    void architectureDocumentNamesTheSameTopics() throws IOException {
        Path architecture = Path.of(System.getProperty("skillwise.home", "../..")).resolve("docs/architecture.md");
        String text = Files.readString(architecture);
        String events = text.substring(text.indexOf("## 3. Events"), text.indexOf("## 4."));

        Set<String> named = new LinkedHashSet<>();
        Matcher topic = Pattern.compile("`([a-z]+\\.[a-z]+\\.v\\d+)`").matcher(events);
        while (topic.find()) {
            named.add(topic.group(1));
        }

        assertThat(named).containsExactlyInAnyOrderElementsOf(Topics.all());
    }

    @Test
    void deadLettersGoToTheTopicWithDltAppended() {
        assertThat(Topics.dlt(Topics.PAYMENT_ORDER)).isEqualTo("payment.order.v1.dlt");
        assertThatThrownBy(() -> Topics.dlt("payment.order.v1.dlt")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.dlt(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyEventRecordOfThisModuleIsInTheCatalog() {
        Set<Class<?>> catalogued = EventCatalog.all().stream()
                .map(EventDescriptor::eventClass)
                .collect(Collectors.toSet());

        assertThat(eventRecordsOnTheClassPath()).containsExactlyInAnyOrderElementsOf(catalogued);
    }

    @Test
    void typesAreUniqueAndNamedAfterContextEventAndVersion() {
        Set<String> types = new HashSet<>();
        for (EventDescriptor descriptor : EventCatalog.all()) {
            Class<?> type = descriptor.eventClass();
            String pkg = type.getPackageName();

            assertThat(types.add(descriptor.type())).as("unique " + descriptor.type()).isTrue();
            assertThat(descriptor.context()).isEqualTo(pkg.substring(pkg.lastIndexOf('.') + 1));
            String expectedClassName = descriptor.version() == 1
                    ? descriptor.name()
                    : descriptor.name() + "V" + descriptor.version();
            assertThat(type.getSimpleName()).isEqualTo(expectedClassName);
            assertThat(descriptor.type()).isEqualTo("io.skillwise." + descriptor.context() + "." + descriptor.name()
                    + ".v" + descriptor.version());
            assertThat(descriptor.topic()).startsWith(descriptor.context() + ".").isIn(Topics.all());
        }
        assertThat(EventCatalog.of(io.skillwise.events.payment.CoursePurchased.class).type())
                .isEqualTo("io.skillwise.payment.CoursePurchased.v1");
    }

    @Test
    void consumersFindTheRecordOfACloudEventsType() {
        for (EventDescriptor descriptor : EventCatalog.all()) {
            assertThat(EventCatalog.byType(descriptor.type())).contains(descriptor);
            assertThat(EventCatalog.of(descriptor.eventClass())).isSameAs(descriptor);
        }
        assertThat(EventCatalog.byType("io.skillwise.payment.CoursePurchased.v2")).isEmpty();
        assertThat(EventCatalog.byType(null)).isEmpty();
    }

    @Test
    void aRecordOutsideTheCatalogIsRefused() {
        record Unlisted(Instant occurredAt) implements DomainEvent {
            @Override
            public String aggregateId() {
                return "x";
            }
        }

        assertThatThrownBy(() -> EventCatalog.of(Unlisted.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unlisted");
    }

    @Test
    void everyTopicCarriesEventsAndEveryEventHasOneTopic() {
        List<EventDescriptor> byTopic = Topics.all().stream()
                .flatMap(topic -> EventCatalog.onTopic(topic).stream())
                .toList();

        assertThat(byTopic).containsExactlyElementsOf(EventCatalog.all());
        Topics.all().forEach(topic -> assertThat(EventCatalog.onTopic(topic)).as(topic).isNotEmpty());
        assertThat(EventCatalog.onTopic("nope.v1")).isEmpty();
    }

    @Test
    void everyEventHasASchemaAndEverySchemaAnEvent() {
        Set<String> expected = EventCatalog.all().stream()
                .map(EventDescriptor::schemaResource)
                .collect(Collectors.toSet());

        expected.forEach(resource -> assertThat(EventSchemas.exists(resource)).as(resource).isTrue());
        assertThat(schemaFilesOnTheClassPath()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyEventIsKeyedByItsAggregateId() throws ReflectiveOperationException {
        for (DomainEvent event : EventSamples.all()) {
            EventDescriptor descriptor = EventCatalog.of(event.getClass());
            String component = descriptor.topic().equals(Topics.PROMOTION_PROMOTION)
                    ? PROMOTION_KEY_COMPONENT.get(event.getClass())
                    : OWN_KEY_COMPONENT.getOrDefault(event.getClass(), KEY_COMPONENT.get(descriptor.topic()));

            Object key = event.getClass().getMethod(component).invoke(event);

            assertThat(key).as(descriptor.name()).isInstanceOf(UUID.class);
            assertThat(event.aggregateId()).as(descriptor.name()).isEqualTo(key.toString());
        }
    }

    @Test
    void asyncApiDescribesEveryTopicWithItsDeadLetterTopicAndProducer() {
        JsonNode asyncApi = asyncApi();
        JsonNode channels = asyncApi.get("channels");

        assertThat(asyncApi.path("asyncapi").asString()).startsWith("3.");
        Set<String> addresses = new HashSet<>();
        channels.values().forEach(channel -> addresses.add(channel.path("address").asString()));
        Set<String> expected = new HashSet<>(Topics.all());
        Topics.all().forEach(topic -> expected.add(Topics.dlt(topic)));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(expected);

        for (String topic : Topics.all()) {
            List<String> names = EventCatalog.onTopic(topic).stream().map(EventDescriptor::name).toList();
            for (String address : List.of(topic, Topics.dlt(topic))) {
                JsonNode channel = channelAt(asyncApi, address);
                assertThat(channel.path("messages").propertyNames()).as(address).containsExactlyElementsOf(names);
                channel.path("messages").forEachEntry((name, message) -> assertThat(message.path("$ref").asString())
                        .isEqualTo("#/components/messages/" + name));
                assertThat(channel.at("/bindings/kafka/topic").asString()).isEqualTo(address);
                // analytics rebuilds from the start of every topic: nothing may be deleted by age
                assertThat(channel.at("/bindings/kafka/topicConfiguration/retention.ms").asLong()).isEqualTo(-1);
            }
            String channelId = channelIdAt(asyncApi, topic);
            List<JsonNode> senders = asyncApi.get("operations").values().stream()
                    .filter(operation -> operation.path("action").asString().equals("send"))
                    .filter(operation -> operation.at("/channel/$ref").asString().equals("#/channels/" + channelId))
                    .toList();
            assertThat(senders).as("one producer of " + topic).hasSize(1);
        }
    }

    @Test
    void asyncApiDescribesEveryEventWithItsSchemaTypeAndKey() {
        JsonNode messages = asyncApi().at("/components/messages");

        assertThat(messages.propertyNames())
                .containsExactlyInAnyOrderElementsOf(EventCatalog.all().stream().map(EventDescriptor::name).toList());
        for (EventDescriptor descriptor : EventCatalog.all()) {
            JsonNode message = messages.get(descriptor.name());
            String schemaRef = message.at("/payload/schema/$ref").asString();

            assertThat(schemaRef).isEqualTo("./" + descriptor.schemaResource().substring("io/skillwise/events/".length()));
            assertThat(EventSchemas.exists("io/skillwise/events/" + schemaRef.substring(2))).isTrue();
            assertThat(message.at("/payload/schemaFormat").asString()).contains("draft-2020-12");
            assertThat(message.at("/headers/allOf/0/$ref").asString()).isEqualTo("#/components/schemas/CloudEventHeaders");
            assertThat(message.at("/headers/allOf/1/properties/ce_type/const").asString()).isEqualTo(descriptor.type());
            assertThat(message.path("x-ce-type").asString()).isEqualTo(descriptor.type());
            assertThat(message.path("x-topic").asString()).isEqualTo(descriptor.topic());
            assertThat(message.at("/bindings/kafka/key/format").asString()).isEqualTo("uuid");
        }
    }

    @Test
    void asyncApiEnvelopeListsEveryCloudEventsHeader() {
        JsonNode headers = asyncApi().at("/components/schemas/CloudEventHeaders");

        assertThat(headers.path("properties").propertyNames()).containsExactlyInAnyOrder(
                CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID, CloudEventHeaders.SOURCE,
                CloudEventHeaders.TYPE, CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT,
                CloudEventHeaders.CONTENT_TYPE);
        assertThat(headers.path("required").values()).hasSize(7);
        assertThat(headers.at("/properties/ce_specversion/const").asString())
                .isEqualTo(CloudEventHeaders.SPEC_VERSION_VALUE);
        assertThat(headers.at("/properties/content-type/const").asString())
                .isEqualTo(CloudEventHeaders.CONTENT_TYPE_JSON);
        EventCatalog.all().forEach(descriptor -> assertThat(descriptor.type())
                .matches(headers.at("/properties/ce_type/pattern").asString()));
    }

    private static JsonNode asyncApi() {
        try (InputStream in = EventCatalogTest.class.getClassLoader().getResourceAsStream(ASYNCAPI)) {
            assertThat(in).as(ASYNCAPI).isNotNull();
            return YAMLMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode channelAt(JsonNode asyncApi, String address) {
        return asyncApi.get("channels").get(channelIdAt(asyncApi, address));
    }

    private static String channelIdAt(JsonNode asyncApi, String address) {
        List<String> ids = new ArrayList<>();
        asyncApi.get("channels").forEachEntry((id, channel) -> {
            if (channel.path("address").asString().equals(address)) {
                ids.add(id);
            }
        });
        assertThat(ids).as("channels with address " + address).hasSize(1);
        return ids.getFirst();
    }

    private static Set<Class<?>> eventRecordsOnTheClassPath() {
        Path classes = EventSchemas.directory("io/skillwise/events/DomainEvent.class").getParent();
        try (Stream<Path> files = Files.walk(classes)) {
            return files.map(file -> classes.getParent().getParent().getParent().relativize(file).toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .map(EventCatalogTest::load)
                    .filter(type -> type.isRecord() && DomainEvent.class.isAssignableFrom(type))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> schemaFilesOnTheClassPath() {
        Path root = EventSchemas.directory(SCHEMAS);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> SCHEMAS + root.relativize(file).toString().replace('\\', '/'))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
