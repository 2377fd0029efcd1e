package io.skillwise.events.payment;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.skillwise.events.common.Money;
import java.util.UUID;

/**
 * What a refund or a lost dispute took back from one line of a paid order, as payment-service's earnings ledger
 * reversed it: the instructor's earnings on the line fall by {@code amount - platformFee}, the platform's by
 * {@code platformFee}. Consumers add these up instead of re-deriving payment's spreading and rounding rules.
 *
 * @param courseId     the course of the line
 * @param instructorId the instructor who earned from the line
 * @param amount       the part of the line's payment that went back (or was lost)
 * @param platformFee  the part of the line's platform fee given back with it; never more than {@code amount}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReversedLine(UUID courseId, UUID instructorId, Money amount, Money platformFee) {

    public ReversedLine {
        requireNonNull(courseId, "courseId");
        requireNonNull(instructorId, "instructorId");
        requireNonNull(amount, "amount");
        requireNonNull(platformFee, "platformFee");
        if (!amount.currency().equals(platformFee.currency()) || platformFee.amount() > amount.amount()) {
            throw new IllegalArgumentException("reversal of course " + courseId + ": fee " + platformFee
                    + " cannot exceed " + amount);
        }
    }
}
