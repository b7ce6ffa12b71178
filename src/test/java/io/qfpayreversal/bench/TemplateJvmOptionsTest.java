package io.qfpayreversal.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateJvmOptionsTest {

    private static final List<String> TEMPLATE = List.of(
            "AWSTemplateFormatVersion: '2010-09-09'",
            "Parameters:",
            "  MemorySize:",
            "    Type: Number",
            "    Default: 512",
            "  JvmOptions:",
            "    Type: String",
            "    # the options",
            "    Default: -XX:+UseSerialGC -XX:TieredStopAtLevel=1",
            "    MaxLength: 88",
            "  Other:",
            "    Default: no",
            "Globals:",
            "  Function:",
            "    Environment:",
            "      Variables:",
            "        JAVA_TOOL_OPTIONS: !If [IsJvm, !Ref JvmOptions, !Ref AWS::NoValue]");

    @Test
    void defaultOf_readsOnlyTheJvmOptionsParametersDefault() {
        assertThat(TemplateJvmOptions.defaultOf(TEMPLATE)).isEqualTo("-XX:+UseSerialGC -XX:TieredStopAtLevel=1");
    }

    @Test
    void defaultOf_quotedValue_isUnquoted() {
        assertThat(TemplateJvmOptions.defaultOf(List.of("Parameters:", "  JvmOptions:",
                "    Default: '-XX:MetaspaceSize=64m -Dx=it''s'"))).isEqualTo("-XX:MetaspaceSize=64m -Dx=it's");
        assertThat(TemplateJvmOptions.defaultOf(List.of("Parameters:", "  JvmOptions:",
                "    Default: \"-XX:+UseSerialGC\""))).isEqualTo("-XX:+UseSerialGC");
    }

    @Test
    void defaultOf_jvmOptionsOutsideParameters_isNotTaken() {
        assertThatThrownBy(() -> TemplateJvmOptions.defaultOf(List.of("Parameters:", "  Other:",
                "    Default: x", "Resources:", "  JvmOptions:", "    Default: -Xmx1g")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void defaultIn_theProjectsTemplate_givesJvmOptions() throws Exception {
        assertThat(TemplateJvmOptions.defaultIn(Path.of("template.yaml"))).startsWith("-XX:");
    }
}
