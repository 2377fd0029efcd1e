package io.skillwise.payment.buyer;

import io.skillwise.events.identity.BillingAddress;
import io.skillwise.events.identity.UserDeactivated;
import io.skillwise.events.identity.UserProfileUpdated;
import io.skillwise.events.identity.UserRegistered;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whom invoices are made out to, as identity-service publishes it: the name the user chose for documents (else their
 * display name) and the billing address from their profile. Invoices copy it when they are issued, so a later change
 * of profile never alters an issued invoice.
 */
@Service
public class BuyerService {

    /** @param address absent when the user has given no billing address */
    public record BilledBuyer(String name, BillingAddress address) {

        /**
         * The address as one text of comma-separated lines (as the seller's address is configured): recipient,
         * street lines, postal code and city, region, country name; null without an address.
         */
        public String addressText() {
            if (address == null) {
                return null;
            }
            String country = Locale.of("", address.country()).getDisplayCountry(Locale.ENGLISH);
            String city = address.postalCode() == null ? address.city() : address.postalCode() + " " + address.city();
            return Stream.of(address.name(), address.line1(), address.line2(), city, address.region(), country)
                    .filter(Objects::nonNull).collect(Collectors.joining(", "));
        }
    }

    private final BuyerRepository buyers;

    BuyerService(BuyerRepository buyers) {
        this.buyers = buyers;
    }

    @Transactional
    public void apply(UserRegistered registered) {
        buyers.saveIfNewer(registered.userId(), registered.displayName(), null, null, registered.occurredAt());
    }

    @Transactional
    public void apply(UserProfileUpdated updated) {
        buyers.saveIfNewer(updated.userId(), updated.displayName(), updated.certificateName(),
                updated.billingAddress(), updated.occurredAt());
    }

    /**
     * A deleted account's name and billing address are forgotten here; invoices already issued keep theirs, as
     * bookkeeping law requires of an issued invoice.
     */
    @Transactional
    public void forget(UserDeactivated deactivated) {
        buyers.delete(deactivated.userId());
    }

    /** Empty for a buyer identity has not told us about yet: the invoice then names them by e-mail only. */
    @Transactional(readOnly = true)
    public Optional<BilledBuyer> find(UUID userId) {
        return buyers.find(userId);
    }
}
