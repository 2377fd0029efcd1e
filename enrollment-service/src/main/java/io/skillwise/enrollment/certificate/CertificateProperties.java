package io.skillwise.enrollment.certificate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param verificationBaseUrl the public address of {@code GET /api/v1/certificates/{code}}, without the code: printed
 *                            on each certificate and in its QR code, and the credential URL of the "add to profile"
 *                            link; required under the production profile (a certificate must not point at a local
 *                            address)
 * @param issuerName          the issuing organisation, as professional networks show it
 * @param linkedInOrganizationId the issuer's LinkedIn organisation id, when it has a company page there (LinkedIn
 *                            then links the certification to it); absent: the name is sent instead
 */
@ConfigurationProperties("skillwise.enrollment.certificate")
public record CertificateProperties(String verificationBaseUrl, String issuerName, String linkedInOrganizationId) {

    public CertificateProperties {
        if (verificationBaseUrl == null || verificationBaseUrl.isBlank()) {
            verificationBaseUrl = "http://127.0.0.1:8080/api/v1/certificates/";
        }
        if (issuerName == null || issuerName.isBlank()) {
            issuerName = "SkillWise";
        }
        if (linkedInOrganizationId != null && linkedInOrganizationId.isBlank()) {
            linkedInOrganizationId = null;
        }
    }
}
