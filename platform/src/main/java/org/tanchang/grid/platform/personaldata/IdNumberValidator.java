package org.tanchang.grid.platform.personaldata;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class IdNumberValidator implements ConstraintValidator<IdNumber, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Validation<ChineseIdNumber> v = ChineseIdNumber.check(value.toString());
        if (!v.valid()) {
            Constraints.replaceMessage(context, v.reason());
        }
        return v.valid();
    }
}
