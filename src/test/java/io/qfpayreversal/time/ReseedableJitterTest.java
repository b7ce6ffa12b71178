package io.qfpayreversal.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class ReseedableJitterTest {

    @Test
    void reseed_startsANewSequence_inRange() {
        ReseedableJitter jitter = new ReseedableJitter();
        jitter.reseed();
        double[] first = DoubleStream.generate(jitter::next).limit(8).toArray();
        jitter.reseed();
        double[] second = DoubleStream.generate(jitter::next).limit(8).toArray();

        assertThat(second).isNotEqualTo(first);
        assertThat(DoubleStream.concat(DoubleStream.of(first), DoubleStream.of(second))).allMatch(d -> d >= 0 && d < 1);
    }
}
