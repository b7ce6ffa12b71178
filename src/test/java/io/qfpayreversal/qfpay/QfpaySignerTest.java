package io.qfpayreversal.qfpay;

import static org.assertj.core.api.Assertions.assertThat;

import io.qfpayreversal.simulator.SignatureCheck;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import java.util.stream.Stream;

/**
 * Vectors computed with the seed guide's own Python {@code make_req_sign} (reversal-guide.zh-Hant.md):
 * sorted keys, {@code '%s=%s'} joined with {@code &}, key appended, {@code hashlib.md5(...).hexdigest().upper()}.
 * The SHA256 column is the same function with {@code hashlib.sha256}. Run with Python 3.11 and
 * key {@value #KEY}:
 * <pre>
 * make_req_sign({'txamt': '2500', 'out_trade_no': '4MDGEJ7L496LAAU1V1HBY9HMOGWZWLXQ',
 *                'txdtm': '2020-03-05 16:50:30', 'mchid': 'MNxMp11FV35qQN'}, key)
 * </pre>
 */
class QfpaySignerTest {

    private static final String KEY = "5744993FBC034DBBB995FA0123456789";

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of(Map.of("txamt", "2500", "out_trade_no", "4MDGEJ7L496LAAU1V1HBY9HMOGWZWLXQ",
                                "txdtm", "2020-03-05 16:50:30", "mchid", "MNxMp11FV35qQN"),
                        "78692184AA03959E797350266AD200E5",
                        "BAEFB224A216927D750008A81EB5614ADEDF5C0DB0DEF4A2675C83BF13C0EA27"),
                Arguments.of(Map.of("syssn", "20200305066100020000977812", "txamt", "2500",
                                "txdtm", "2020-03-05 16:50:30"),
                        "FE92FA05B64C31B7A5F1E7E399A25538",
                        "9261356D5D65999F650316F75C33147B7B318D5F553A67E1514996A5E806C517"),
                // Non-ASCII and a space: signed raw, as UTF-8, before any form encoding.
                Arguments.of(Map.of("out_trade_no", "訂單-001", "txamt", "200", "txdtm", "2026-11-25 09:00:00",
                                "udid", "pos 7"),
                        "EE555592AECCD851F7F8384EC270A335",
                        "3EB815E544F84C83EF3E20626AD02FE604A336D1F5D9A1ADC44CCDAA229DB0D9"));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void sign_matchesTheSeedGuidesPythonSample(Map<String, String> params, String md5, String sha256) {
        assertThat(QfpaySigner.sign(new TreeMap<>(params), KEY, SignType.MD5)).isEqualTo(md5);
        assertThat(QfpaySigner.sign(new TreeMap<>(params), KEY, SignType.SHA256)).isEqualTo(sha256);
    }

    @Test
    void canonical_sortsByNameAndJoinsWithAmpersand() {
        var params = new TreeMap<>(Map.of("txdtm", "2020-03-05 16:50:30", "mchid", "M1", "txamt", "1"));
        assertThat(QfpaySigner.canonical(params)).isEqualTo("mchid=M1&txamt=1&txdtm=2020-03-05 16:50:30");
    }

    @Test
    void matches_acceptsEitherHexCaseAndRejectsAnotherKey() {
        var params = new TreeMap<>(Map.of("syssn", "1", "txamt", "2"));
        String sign = QfpaySigner.sign(params, KEY, SignType.MD5);
        assertThat(SignatureCheck.matches(params, KEY, SignType.MD5, sign.toLowerCase())).isTrue();
        assertThat(SignatureCheck.matches(params, KEY + "x", SignType.MD5, sign)).isFalse();
        assertThat(SignatureCheck.matches(params, KEY, SignType.SHA256, sign)).isFalse();
        assertThat(SignatureCheck.matches(params, KEY, SignType.MD5, null)).isFalse();
    }

    @Test
    void wireParams_leaveOutAbsentAndEmptyValues() {
        var params = new WireParams().put("syssn", "1").put("mchid", null).put("udid", "").sorted();
        assertThat(params).containsOnlyKeys("syssn");
    }
}
