package io.skillwise.review.text;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PlainText}; see {@link Texts#isPlain(String)}. */
public class PlainTextValidator implements ConstraintValidator<PlainText, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || Texts.isPlain(value);
    }
}
