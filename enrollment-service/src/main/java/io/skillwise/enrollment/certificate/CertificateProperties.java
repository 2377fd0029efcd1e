package io.skillwise.enrollment.certificate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param verificationBaseUrl printed on the certificate, followed by the code: where a third party checks it
 */
@ConfigurationProperties("skillwise.enrollment.certificate")
public record CertificateProperties(String verificationBaseUrl) {

    public CertificateProperties {
        if (verificationBaseUrl == null || verificationBaseUrl.isBlank()) {
            verificationBaseUrl = "http://127.0.0.1:8080/api/v1/certificates/";
        }
    }
}
