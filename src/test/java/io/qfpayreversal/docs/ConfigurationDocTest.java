package io.qfpayreversal.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.qfpayreversal.config.QfpayConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md against {@link QfpayConfig}, read by reflection as SmallRye reads it: each
 * method is a kebab-case key under {@code qfpay.} (a nested group adds its own name), read from the
 * environment as {@code QFPAY_…}; {@code @WithDefault} is the default. Plain JUnit, no Quarkus boot.
 */
class ConfigurationDocTest {

    private static final Path CONFIGURATION = Path.of("docs", "configuration.md");
    /** A table row naming one setting: | `QFPAY_X` | meaning | default |. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`(QFPAY_[A-Z0-9_]+)`\\s*\\|(.*)\\|\\s*([^|]*?)\\s*\\|\\s*$");
    private static final Pattern ENV_NAME = Pattern.compile("\\bQFPAY_[A-Z0-9_]*[A-Z0-9]");
    private static final String UNSET = "unset";

    @Test
    void configurationDoc_listsEveryKeyWithItsDefault_andNoOther() throws IOException {
        Map<String, String> documented = documentedDefaults();
        Map<String, String> actual = new TreeMap<>();
        settings().forEach((env, setting) -> actual.put(env, setting.defaultValue() == null
                ? UNSET : "`" + setting.defaultValue() + "`"));

        assertThat(documented)
                .as("rows | `QFPAY_…` | meaning | default | of %s against QfpayConfig (default in backquotes, or %s)",
                        CONFIGURATION, UNSET)
                .containsExactlyInAnyOrderEntriesOf(actual);
    }

    @Test
    void readmeAndDocs_nameOnlySettingsThatExist() throws IOException {
        List<Path> pages = Stream.concat(Stream.of(Path.of("README.md")), markdown(Path.of("docs"))).toList();
        Map<String, TreeSet<String>> unknown = new TreeMap<>();
        for (Path page : pages) {
            Matcher names = ENV_NAME.matcher(Files.readString(page));
            while (names.find()) {
                if (!settings().containsKey(names.group())) {
                    unknown.computeIfAbsent(page.toString(), p -> new TreeSet<>()).add(names.group());
                }
            }
        }
        assertThat(unknown).as("QFPAY_ names that QfpayConfig does not read").isEmpty();
    }

    @Test
    void settings_readFromQfpayConfig_asSmallRyeNamesThem() {
        assertThat(settings()).containsEntry("QFPAY_BASE_URL", new Setting("qfpay.base-url",
                "https://test-openapi-hk.qfapi.com"));
        assertThat(settings()).containsEntry("QFPAY_SWEEP_RATE_PER_MINUTE",
                new Setting("qfpay.sweep.rate-per-minute", "300"));
        assertThat(settings()).containsEntry("QFPAY_SSM_PATH", new Setting("qfpay.ssm-path", null));
    }

    /** Every setting by its environment variable. */
    static Map<String, Setting> settings() {
        Map<String, Setting> settings = new TreeMap<>();
        collect(QfpayConfig.class, QfpayConfig.class.getAnnotation(ConfigMapping.class).prefix(), settings);
        return settings;
    }

    private static void collect(Class<?> group, String prefix, Map<String, Setting> settings) {
        for (Method method : group.getDeclaredMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.isDefault() || method.isSynthetic()
                    || method.getParameterCount() > 0) {
                continue;
            }
            WithName name = method.getAnnotation(WithName.class);
            String key = prefix + "." + (name != null ? name.value() : kebab(method.getName()));
            Class<?> type = method.getReturnType();
            if (type.isInterface() && type.getEnclosingClass() == QfpayConfig.class) {
                collect(type, key, settings);
                continue;
            }
            WithDefault fallback = method.getAnnotation(WithDefault.class);
            settings.put(env(key), new Setting(key, fallback == null ? null : fallback.value()));
        }
    }

    /** {@code baseUrl} → {@code base-url}. */
    static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code qfpay.sweep.rate-per-minute} → {@code QFPAY_SWEEP_RATE_PER_MINUTE}. */
    static String env(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static Map<String, String> documentedDefaults() throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(CONFIGURATION)) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                assertThat(rows.put(row.group(1), row.group(3))).as("%s documented twice", row.group(1)).isNull();
            }
        }
        return rows;
    }

    private static Stream<Path> markdown(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".md")).sorted().toList().stream();
        }
    }

    record Setting(String key, String defaultValue) {
    }
}
