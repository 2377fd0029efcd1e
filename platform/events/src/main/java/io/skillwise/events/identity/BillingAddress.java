package io.skillwise.events.identity;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The address a user wants on their invoices, as they gave it in their profile.
 *
 * @param name       whom invoices are made out to when not the person (a company); absent for the person themselves
 * @param line1      street and number
 * @param line2      more of the street address (floor, suite); absent when not given
 * @param postalCode postal or ZIP code; absent where the country has none
 * @param city       city or town
 * @param region     state, province or county; absent when not given
 * @param country    ISO 3166-1 alpha-2 country code, e.g. {@code DE}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BillingAddress(String name, String line1, String line2, String postalCode, String city, String region,
                             String country) {

    public BillingAddress {
        requireNonNull(line1, "line1");
        requireNonNull(city, "city");
        requireNonNull(country, "country");
    }
}
