package io.qfpayreversal.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Native image guard, on the JVM: every GraalVM substitution on the runtime class path (Quarkus's,
 * Netty's, the project's own) still matches the dependency version Maven resolved.
 */
class SubstitutionsMatchTargetsTest {

    /**
     * Optional libraries of Netty that the function does not have and never calls: PEM keys read
     * by BouncyCastle, zlib by JZlib. Only overloads that Quarkus leaves alone on purpose name
     * them, with the Netty version Quarkus manages as well; nothing reachable does.
     */
    private static final List<String> UNUSED_OPTIONAL_PACKAGES = List.of("org/bouncycastle/", "com/jcraft/jzlib/");

    @Test
    void everySubstitutionOnTheRuntimeClassPath_matchesTheResolvedDependencies() throws IOException {
        RuntimeClassPath classPath = RuntimeClassPath.ofThisBuild();
        List<String> substitutions = SubstitutionClasses.in(classPath);
        try (URLClassLoader loader = classPath.newLoader()) {
            SubstitutionCheck check = new SubstitutionCheck(loader, UNUSED_OPTIONAL_PACKAGES);

            List<String> problems = check.check(substitutions);

            assertThat(substitutions).as("substitution classes found").hasSizeGreaterThan(50);
            assertThat(check.activeClasses()).as("substitution classes that apply").isGreaterThan(30);
            assertThat(problems).as("substitutions that no longer match their targets").isEmpty();
        }
    }
}
