package io.qfpayreversal.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.qfpayreversal.qfpay.CancelOperation;
import io.qfpayreversal.qfpay.RespcdMeaning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The result-code table of docs/failure-handling.md against {@link RespcdMeaning}: each listed code
 * has that meaning for the operations named (all three when none is), and every code with a meaning
 * other than a refusal is listed.
 */
class RespcdCodesDocTest {

    private static final Path PAGE = Path.of("docs", "failure-handling.md");
    private static final Pattern ROW = Pattern.compile("^\\| ([a-z ]+) \\| ([^|]*`[0-9]{4}`[^|]*) \\|.*$");
    private static final Pattern CODE = Pattern.compile("`([0-9]{4})`(?: \\(([a-z, ]+)\\))?");
    private static final Map<String, CancelOperation> OPERATIONS = new HashMap<>();

    static {
        OPERATIONS.put("reversal", CancelOperation.REVERSAL);
        OPERATIONS.put("close", CancelOperation.CLOSE);
        OPERATIONS.put("query", null);
    }

    @Test
    void codeTable_isRespcdMeaning() throws IOException {
        TreeSet<String> documented = new TreeSet<>();
        TreeSet<String> wrong = new TreeSet<>();
        for (String line : Files.readAllLines(PAGE)) {
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            RespcdMeaning meaning = RespcdMeaning.valueOf(row.group(1).toUpperCase(Locale.ROOT).replace(' ', '_'));
            Matcher code = CODE.matcher(row.group(2));
            while (code.find()) {
                String[] operations = code.group(2) == null ? new String[] {"reversal", "close", "query"}
                        : code.group(2).split(", ");
                for (String operation : operations) {
                    documented.add(code.group(1) + " " + operation);
                    if (RespcdMeaning.of(code.group(1), OPERATIONS.get(operation)) != meaning) {
                        wrong.add(code.group(1) + " on " + operation + " is not " + meaning);
                    }
                }
            }
        }
        TreeSet<String> missing = new TreeSet<>();
        for (int i = 0; i <= 9999; i++) {
            String code = String.format("%04d", i);
            for (String operation : OPERATIONS.keySet()) {
                if (RespcdMeaning.of(code, OPERATIONS.get(operation)) != RespcdMeaning.REFUSED
                        && !documented.contains(code + " " + operation)) {
                    missing.add(code + " on " + operation);
                }
            }
        }

        assertThat(wrong).as("codes %s gives another meaning", PAGE).isEmpty();
        assertThat(missing).as("codes with a meaning that %s does not list", PAGE).isEmpty();
        assertThat(documented).as("rows found").hasSizeGreaterThan(Arrays.asList(RespcdMeaning.values()).size());
    }
}
