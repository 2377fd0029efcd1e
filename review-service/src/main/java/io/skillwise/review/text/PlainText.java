package io.skillwise.review.text;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text that people write for others to read (a review, a reply, a report's reason) must be plain text: no markup
 * and no control characters but line breaks and tabs. Clients show it as text; refusing markup outright means no
 * HTML is ever stored, so nothing has to be cleaned on the way out. Null passes (combine with {@code @NotBlank}).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainTextValidator.class)
public @interface PlainText {

    String message() default "must be plain text: no HTML tags, no control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
