package io.qfpayreversal.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeZipTest {

    @TempDir
    Path dir;

    @Test
    void isNative_bootstrapAtTheRoot_isTheNativeBuild() throws IOException {
        assertThat(NativeZip.isNative(zip("native.zip", "bootstrap"))).isTrue();
    }

    @Test
    void isNative_jvmPackage_isNot() throws IOException {
        assertThat(NativeZip.isNative(zip("jvm.zip", "io/qfpayreversal/handler/Handler.class", "lib/quarkus-core.jar")))
                .isFalse();
    }

    @Test
    void isNative_bootstrapBelowTheRoot_isNot() throws IOException {
        assertThat(NativeZip.isNative(zip("nested.zip", "bin/bootstrap"))).isFalse();
    }

    @Test
    void lookup_nothingNamed_takesTheDefaultWhenItIsNative() throws IOException {
        Path defaultZip = zip("function-native.zip", "bootstrap");

        assertThat(NativeZip.lookup(Optional.empty(), defaultZip).zip()).contains(defaultZip);
    }

    @Test
    void lookup_nothingNamedAndNoDefault_saysWhyThereIsNone() throws IOException {
        NativeZip.Lookup lookup = NativeZip.lookup(Optional.empty(), dir.resolve("function-native.zip"));

        assertThat(lookup.zip()).isEmpty();
        assertThat(lookup.whyNone()).contains("-Dbench.native").contains("function-native.zip");
    }

    @Test
    void lookup_defaultIsAJvmPackage_saysSo() throws IOException {
        Path defaultZip = zip("function-native.zip", "lib/quarkus-core.jar");

        NativeZip.Lookup lookup = NativeZip.lookup(Optional.empty(), defaultZip);

        assertThat(lookup.zip()).isEmpty();
        assertThat(lookup.whyNone()).contains("holds no bootstrap");
    }

    @Test
    void lookup_namedZip_winsOverTheDefault() throws IOException {
        Path named = zip("named.zip", "bootstrap");

        assertThat(NativeZip.lookup(Optional.of(named.toString()), zip("function-native.zip", "bootstrap")).zip())
                .contains(named);
    }

    @Test
    void lookup_namedZipMissingOrNotNative_fails() throws IOException {
        Path jvm = zip("function.zip", "lib/quarkus-core.jar");

        assertThatThrownBy(() -> NativeZip.lookup(Optional.of(dir.resolve("missing.zip").toString()), jvm))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no such file");
        assertThatThrownBy(() -> NativeZip.lookup(Optional.of(jvm.toString()), jvm))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds no bootstrap");
    }

    private Path zip(String name, String... entries) throws IOException {
        Path zip = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zipOut.putNextEntry(new ZipEntry(entry));
                zipOut.write(1);
                zipOut.closeEntry();
            }
        }
        return zip;
    }
}
