package io.qfpayreversal.reversal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.qfpayreversal.error.InvalidRequestException;
import io.qfpayreversal.error.Violation;
import io.qfpayreversal.testing.Inputs;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The validator over random valid and hostile inputs (jqwik, no Quarkus). */
class RequestValidatorProperties {

    @Property(tries = 500)
    void hostileFields_areExactlyTheViolations(@ForAll("hostile") Inputs.Hostile hostile) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> RequestValidator.validate(hostile.input()));

        assertThat(e).as(hostile.toString()).isNotNull();
        assertThat(e.violations().stream().map(Violation::field).collect(Collectors.toSet()))
                .isEqualTo(hostile.badFields());
        assertThat(e.getMessage().length()).isLessThan(2_000);
    }

    @Property(tries = 300)
    void validInputs_keepTheirValues(@ForAll("valid") Inputs.Valid valid) {
        ReversalRequest request = RequestValidator.validate(valid.input());

        assertThat(request).isEqualTo(new ReversalRequest(Action.REVERSE, valid.syssn(), valid.outTradeNo(),
                valid.txamt(), valid.txdtm(), "800101", valid.mchid(), valid.udid()));
    }

    @Provide
    Arbitrary<Inputs.Hostile> hostile() {
        return Inputs.hostile(Inputs.ALL_FIELDS);
    }

    @Provide
    Arbitrary<Inputs.Valid> valid() {
        return Inputs.valid();
    }
}
