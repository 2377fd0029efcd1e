package io.skillwise.identity.account;

import io.skillwise.events.identity.BillingAddress;

/**
 * What the user wants on the documents issued to them: the name on certificates and invoices (a legal name may
 * differ from the display name) and the address on invoices. Both optional; without a certificate name documents
 * carry the display name. Published with the profile so enrollment and payment print them without asking identity.
 */
public record DocumentDetails(String certificateName, BillingAddress billingAddress) {

    public static DocumentDetails empty() {
        return new DocumentDetails(null, null);
    }

    /** The billing address, like the personal data, is kept out of logs. */
    @Override
    public String toString() {
        return "DocumentDetails[redacted]";
    }
}
