package io.skillwise.kit.messaging.consumer;

import io.skillwise.kit.messaging.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.MethodParameter;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets a {@code @KafkaListener} method take an {@link IncomingEvent}. It reads the raw record, which the kit's
 * message converter puts in the {@link KafkaHeaders#RAW_DATA} header; a malformed record fails here with
 * {@link io.skillwise.kit.messaging.MalformedEventException}, before the handler runs, and goes to the dead-letter
 * topic.
 */
public final class IncomingEventArgumentResolver implements HandlerMethodArgumentResolver {

    private final JsonMapper json;

    public IncomingEventArgumentResolver(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == IncomingEvent.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, Message<?> message) {
        if (!(message.getHeaders().get(KafkaHeaders.RAW_DATA) instanceof ConsumerRecord<?, ?> record)) {
            throw new IllegalStateException("an IncomingEvent parameter needs the raw record: the listener container "
                    + "factory must use a message converter with rawRecordHeader=true (the kit's default)");
        }
        return IncomingEvent.from(record, json);
    }
}
