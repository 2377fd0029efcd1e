package io.skillwise.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reflection over event records, so that the tests check every record without naming its fields. */
final class Records {

    private Records() {
    }

    /** The JSON property name of a component: its name, unless {@code @JsonProperty} renames it. */
    static String wireName(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        return renamed == null || renamed.value().isEmpty() ? component.getName() : renamed.value();
    }

    static Object[] values(Record record) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            try {
                values[i] = components[i].getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return values;
    }

    /**
     * Whether a component is one producers must always set: a primitive, or one whose canonical constructor throws
     * {@link NullPointerException} for null. A component that is refused only in some combinations (a price, for a
     * paid course) counts as optional, because the schema cannot make it required.
     */
    static boolean isRequired(Record sample, int index) {
        RecordComponent component = sample.getClass().getRecordComponents()[index];
        if (component.getType().isPrimitive()) {
            return true;
        }
        Object[] values = values(sample);
        values[index] = null;
        try {
            construct(sample.getClass(), values);
            return false;
        } catch (NullPointerException e) {
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The same value with every optional component left out that the record's rules allow, nested ones too. */
    static Object withoutOptionals(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(Records::withoutOptionals).toList();
        }
        if (!(value instanceof Record record)) {
            return value;
        }
        Object[] values = values(record);
        for (int i = 0; i < values.length; i++) {
            values[i] = withoutOptionals(values[i]);
        }
        Object current = construct(record.getClass(), values);
        RecordComponent[] components = record.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getType().isPrimitive() || values[i] == null) {
                continue;
            }
            Object kept = values[i];
            values[i] = null;
            try {
                current = construct(record.getClass(), values);
            } catch (NullPointerException | IllegalArgumentException e) {
                values[i] = kept;
            }
        }
        return current;
    }

    /** One instance of every record class reachable from the samples (the events and their nested values). */
    static Map<Class<?>, Record> instancesByClass(List<? extends Record> samples) {
        Map<Class<?>, Record> instances = new LinkedHashMap<>();
        List<Object> queue = new ArrayList<>(samples);
        while (!queue.isEmpty()) {
            Object value = queue.removeFirst();
            if (value instanceof List<?> list) {
                queue.addAll(list);
            } else if (value instanceof Record record) {
                instances.putIfAbsent(record.getClass(), record);
                for (Object component : values(record)) {
                    if (component != null) {
                        queue.add(component);
                    }
                }
            }
        }
        return instances;
    }

    /** The element type of a {@code List<T>} component, or the component's own type. */
    static Class<?> elementType(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getActualTypeArguments()[0];
        }
        return (Class<?>) type;
    }

    static Record construct(Class<?> recordClass, Object[] values) {
        Class<?>[] types = java.util.Arrays.stream(recordClass.getRecordComponents())
                .map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            Constructor<?> canonical = recordClass.getDeclaredConstructor(types);
            return (Record) canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
