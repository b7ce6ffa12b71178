package io.qfpayreversal.nativeimage;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.channels.Channel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a native image would freeze: the objects reachable from classes' static fields once their
 * static initialisers ran, as they run at build time. It reports what must differ per container
 * or must not outlive the build: random generators (their seed), started threads (alone or in an
 * executor), open sockets and channels, and credentials.
 */
final class BuildTimeHeap {

    /** Types whose instances hold credentials, by name: they come from the class path under check. */
    private static final List<String> CREDENTIAL_TYPES = List.of("io.qfpayreversal.credentials.Credentials",
            "software.amazon.awssdk.identity.spi.AwsCredentialsIdentity",
            "software.amazon.awssdk.auth.credentials.AwsCredentials");

    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<String> problems = new ArrayList<>();

    private BuildTimeHeap() {
    }

    /** Problems reachable from the static fields of {@code classes} (initialised here if not yet). */
    static List<String> problemsIn(List<Class<?>> classes) {
        BuildTimeHeap heap = new BuildTimeHeap();
        for (Class<?> type : classes) {
            heap.walkStatics(type);
        }
        return heap.problems;
    }

    private void walkStatics(Class<?> type) {
        Field[] fields;
        try {
            fields = type.getDeclaredFields();
        } catch (NoClassDefFoundError optionalDependencyMissing) {
            return; // its fields name a class that is not on the class path: the image cannot hold one either
        }
        for (Field field : fields) {
            if (Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive() && field.trySetAccessible()) {
                try {
                    walk(field.get(null), type.getName() + "." + field.getName());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                } catch (ExceptionInInitializerError | NoClassDefFoundError e) {
                    problems.add(type.getName() + ": its static initialiser fails: " + e);
                    return;
                }
            }
        }
    }

    private void walk(Object value, String path) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Enum<?>
                || value instanceof Class<?> || !seen.add(value)) {
            return;
        }
        Optional<String> danger = danger(value);
        if (danger.isPresent()) {
            problems.add(path + " holds " + danger.get() + " (" + value.getClass().getName() + ")");
            return;
        }
        if (value.getClass().isArray()) {
            if (!value.getClass().getComponentType().isPrimitive()) {
                for (int i = 0; i < Array.getLength(value); i++) {
                    walk(Array.get(value, i), path + "[" + i + "]");
                }
            }
        } else if (value instanceof Iterable<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]");
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                walk(k, path + ".key");
                walk(v, path + "[" + k + "]");
            });
        } else if (value instanceof Optional<?> optional) {
            walk(optional.orElse(null), path + ".get()");
        } else if (value instanceof AtomicReference<?> reference) {
            walk(reference.get(), path + ".get()");
        } else {
            walkInstanceFields(value, path);
        }
    }

    /**
     * Into the application's own objects (lambdas included) and the AWS SDK's (which it uses
     * without a Quarkus extension); another library's object is judged as a whole, since its insides
     * (a logger's handlers, say) are its own business and its Quarkus extension's.
     */
    private void walkInstanceFields(Object value, String path) {
        for (Class<?> c = value.getClass(); c != null && (c.getName().startsWith(ApplicationClasses.PACKAGE + ".")
                || c.getName().startsWith(AwsSdkClasses.PACKAGE + ".")); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()
                        && field.trySetAccessible()) {
                    try {
                        walk(field.get(value), path + "." + field.getName());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }

    private static Optional<String> danger(Object value) {
        if (value instanceof java.util.Random || value instanceof java.util.SplittableRandom) {
            return Optional.of("a random generator, whose seed every container would share");
        }
        if (value instanceof Thread thread && thread.isAlive()) {
            return Optional.of("a started thread");
        }
        if (value instanceof java.util.concurrent.ThreadPoolExecutor pool && pool.getPoolSize() > 0
                || value instanceof java.util.concurrent.ForkJoinPool forkJoin && forkJoin.getPoolSize() > 0) {
            return Optional.of("an executor with started threads");
        }
        if (value instanceof java.net.Socket socket && !socket.isClosed()
                || value instanceof java.net.ServerSocket server && !server.isClosed()
                || value instanceof java.net.DatagramSocket datagram && !datagram.isClosed()
                || value instanceof Channel channel && channel.isOpen()) {
            return Optional.of("an open socket or channel");
        }
        for (Class<?> c = value.getClass(); c != null; c = c.getSuperclass()) {
            if (isCredentials(c) && holdsASecret(value)) {
                return Optional.of("credentials");
            }
        }
        return Optional.empty();
    }

    /** The SDK's anonymous credentials are a constant with no secret; anything else counts. */
    private static boolean holdsASecret(Object credentials) {
        try {
            Object secret = credentials.getClass().getMethod("secretAccessKey").invoke(credentials);
            return secret != null && !secret.toString().isEmpty();
        } catch (ReflectiveOperationException notAnAwsIdentity) {
            return true;
        }
    }

    private static boolean isCredentials(Class<?> type) {
        if (CREDENTIAL_TYPES.contains(type.getName())) {
            return true;
        }
        for (Class<?> implemented : type.getInterfaces()) {
            if (isCredentials(implemented)) {
                return true;
            }
        }
        return false;
    }
}
