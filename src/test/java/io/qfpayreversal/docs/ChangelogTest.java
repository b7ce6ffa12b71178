package io.qfpayreversal.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The version in pom.xml is a release version with its own section in CHANGELOG.md (tag v<version>). */
class ChangelogTest {

    private static final Pattern PROJECT_VERSION =
            Pattern.compile("<artifactId>qfpay-reversal</artifactId>\\s*<version>([^<]+)</version>");

    @Test
    void pomVersion_hasAChangelogSection() throws IOException {
        Matcher version = PROJECT_VERSION.matcher(Files.readString(Path.of("pom.xml")));
        assertThat(version.find()).as("the project's <version> in pom.xml").isTrue();

        assertThat(version.group(1)).matches("[0-9]+\\.[0-9]+\\.[0-9]+");
        assertThat(Files.readAllLines(Path.of("CHANGELOG.md")))
                .anyMatch(line -> line.startsWith("## [" + version.group(1) + "]"));
    }
}
