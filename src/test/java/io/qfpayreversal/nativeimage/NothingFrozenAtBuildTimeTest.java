package io.qfpayreversal.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import io.qfpayreversal.nativeimage.fixtures.FrozenAtBuildTime;
import java.io.IOException;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Native image guard, on the JVM: the application's classes are initialised at build time, so
 * whatever their static fields reach is frozen into the binary and shared by every container.
 * None may reach a random generator, a started thread (an executor that has not started one yet,
 * like SsmParameters' cached pool, is fine), an open socket or channel, or credentials.
 */
class NothingFrozenAtBuildTimeTest {

    @Test
    void applicationClasses_initialisedAsAtBuildTime_reachNothingThatMustDifferPerContainer() throws IOException {
        RuntimeClassPath classPath = RuntimeClassPath.ofThisBuild();
        List<String> names = ApplicationClasses.in(RuntimeClassPath.APPLICATION_CLASSES);
        try (URLClassLoader loader = classPath.newLoader()) {
            List<Class<?>> classes = ApplicationClasses.initialised(names, loader);

            assertThat(classes).as("application classes").hasSizeGreaterThan(100);
            assertThat(BuildTimeHeap.problemsIn(classes)).isEmpty();
        }
    }

    @Test
    void awsSdkClasses_initialisedAsAtBuildTime_reachNothingThatMustDifferPerContainer() throws IOException {
        RuntimeClassPath classPath = RuntimeClassPath.ofThisBuild();
        try (URLClassLoader loader = classPath.newLoader()) {
            List<Class<?>> classes = ApplicationClasses.initialisedWherePossible(AwsSdkClasses.in(classPath), loader);

            assertThat(classes).as("AWS SDK classes").hasSizeGreaterThan(1000);
            // DynamoDbRetryPolicy's backoff holds a seeded Random: native-image.properties initialises it at run time.
            assertThat(BuildTimeHeap.problemsIn(classes)).isEmpty();
        }
    }

    @Test
    void theCheck_refusesASeededRandomThreadsAChannelAndCredentials() {
        List<String> problems = BuildTimeHeap.problemsIn(List.of(FrozenAtBuildTime.SeededJitter.class,
                FrozenAtBuildTime.class));

        assertThat(problems).hasSize(4)
                .anySatisfy(p -> assertThat(p).startsWith("io.qfpayreversal.nativeimage.fixtures.FrozenAtBuildTime$SeededJitter.INSTANCE.random holds a random generator"))
                .anySatisfy(p -> assertThat(p).contains("CACHE[0] holds credentials"))
                .anySatisfy(p -> assertThat(p).contains("WORKERS holds an executor with started threads"))
                .anySatisfy(p -> assertThat(p).contains("CHANNEL holds an open socket or channel"));
    }
}
