package io.skillwise.payment.invoice;

/**
 * Invoice numbers run without gaps within a calendar year ({@code SW-2026-000001}, ...), restarting at 1 each
 * year, as accountants expect; the year in the number is the year of issue (UTC).
 */
public record InvoiceNumber(String prefix, int year, int sequence) {

    public InvoiceNumber {
        if (prefix == null || prefix.isBlank() || year < 2000 || year > 9999 || sequence < 1 || sequence > 999_999) {
            throw new IllegalArgumentException("not a valid invoice number: " + prefix + "/" + year + "/" + sequence);
        }
    }

    public static InvoiceNumber parse(String text) {
        String[] parts = text.split("-");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not an invoice number: " + text);
        }
        return new InvoiceNumber(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }

    @Override
    public String toString() {
        return "%s-%04d-%06d".formatted(prefix, year, sequence);
    }
}
