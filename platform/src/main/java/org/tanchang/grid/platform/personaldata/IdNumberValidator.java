package org.tanchang.grid.platform.personaldata;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Autowired;

public class IdNumberValidator implements ConstraintValidator<IdNumber, CharSequence> {

    /** Null outside Spring (a plain validator factory): then {@link ChineseIdNumber#check(String)} picks the day. */
    private final Clock clock;

    public IdNumberValidator() {
        this(null);
    }

    /**
     * Spring's validator factory passes the Clock bean (when there is one), so "born in the future" is judged in the
     * configured zone.
     */
    @Autowired(required = false)
    public IdNumberValidator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Validation<ChineseIdNumber> v = clock == null ? ChineseIdNumber.check(value.toString())
                : ChineseIdNumber.check(value.toString(), LocalDate.now(clock));
        if (!v.valid()) {
            Constraints.replaceMessage(context, v.reason());
        }
        return v.valid();
    }
}
