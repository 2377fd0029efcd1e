package io.skillwise.identity.account;

/**
 * Personal data beyond name and email. Stored only encrypted (AES-GCM), never logged, never put in an event: the
 * record's {@link #toString()} hides the values so a stray log statement cannot leak them.
 */
public record PersonalData(String phone, String dateOfBirth, String address) {

    public static PersonalData empty() {
        return new PersonalData(null, null, null);
    }

    public boolean isEmpty() {
        return phone == null && dateOfBirth == null && address == null;
    }

    @Override
    public String toString() {
        return "PersonalData[redacted]";
    }
}
