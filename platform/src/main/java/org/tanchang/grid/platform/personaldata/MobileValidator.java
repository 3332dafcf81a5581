package org.tanchang.grid.platform.personaldata;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class MobileValidator implements ConstraintValidator<Mobile, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Validation<MobileNumber> v = MobileNumber.check(value.toString());
        if (!v.valid()) {
            Constraints.replaceMessage(context, v.reason());
        }
        return v.valid();
    }
}
