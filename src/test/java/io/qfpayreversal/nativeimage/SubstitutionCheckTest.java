package io.qfpayreversal.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The substitution check fails on each kind of break it guards against, on fixture classes. */
class SubstitutionCheckTest {

    private static final String FIXTURES = "io.qfpayreversal.nativeimage.fixtures.";

    private static List<String> check(String... substitutions) throws IOException {
        // The fixtures and GraalVM's annotations, without AssertJ: Greeter's second overload names it.
        RuntimeClassPath classPath = RuntimeClassPath.of(List.of(Path.of("target/test-classes"),
                RuntimeClassPath.ofThisBuild().entries().get(1)));
        try (URLClassLoader loader = classPath.newLoader()) {
            return new SubstitutionCheck(loader, List.of()).check(
                    java.util.Arrays.stream(substitutions).map(s -> FIXTURES + s).toList());
        }
    }

    @Test
    void matchingSubstitution_hasNoProblem() throws IOException {
        assertThat(check("Target_Greeter_Matching")).isEmpty();
    }

    @Test
    void oldOverloadOnly_reportsTheNewOverloadWhoseBodyDoesNotLink() throws IOException {
        assertThat(check("Target_Greeter_OldOverloadOnly")).singleElement().asString()
                .contains("not greet(java.lang.String, boolean)", "org.assertj.core.api.Assertions");
    }

    @Test
    void changedParameterTypeAndMissingField_areReported() throws IOException {
        assertThat(check("Target_Greeter_Mismatched")).hasSize(3)
                .anySatisfy(p -> assertThat(p).contains("but not greet(java.lang.String, boolean)"))
                .anySatisfy(p -> assertThat(p).contains("@Alias field nickname does not exist"))
                .anySatisfy(p -> assertThat(p).contains("@Substitute greet(java.lang.CharSequence) does not exist"));
    }

    @Test
    void absentTarget_isReported_unlessOnlyWithExcludesIt() throws IOException {
        assertThat(check("Target_Absent$Always", "Target_Absent$OnlyWhenPresent")).singleElement().asString()
                .contains("Target_Absent$Always", "NoSuchClass is not on the class path");
    }
}
