package io.skillwise.enrollment.certificate;

import org.springframework.web.util.UriComponentsBuilder;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

/** The public addresses of a certificate: where it is verified, its image, and LinkedIn's "add to profile" form. */
final class CertificateLinks {

    /** LinkedIn's form for adding a certification to the member's profile, filled in by its query parameters. */
    private static final String LINKEDIN_ADD_TO_PROFILE = "https://www.linkedin.com/profile/add";

    private final CertificateProperties properties;

    CertificateLinks(CertificateProperties properties) {
        this.properties = properties;
    }

    String verification(Certificate certificate) {
        return UriComponentsBuilder.fromUriString(properties.verificationBaseUrl()).pathSegment(certificate.code())
                .encode().toUriString();
    }

    String image(Certificate certificate) {
        return UriComponentsBuilder.fromUriString(properties.verificationBaseUrl())
                .pathSegment(certificate.code(), "image").encode().toUriString();
    }

    /**
     * The certification's name is the course title; the credential id its code, the credential URL its verification
     * address; the issue date is the month of completion (LinkedIn asks for no day).
     */
    String addToProfile(Certificate certificate) {
        ZonedDateTime issued = certificate.issuedAt().atZone(ZoneOffset.UTC);
        boolean organizationPage = properties.linkedInOrganizationId() != null;
        return UriComponentsBuilder.fromUriString(LINKEDIN_ADD_TO_PROFILE)
                .queryParam("startTask", "CERTIFICATION_NAME")
                .queryParam("name", "{name}")
                .queryParam(organizationPage ? "organizationId" : "organizationName", "{organization}")
                .queryParam("issueYear", issued.getYear())
                .queryParam("issueMonth", issued.getMonthValue())
                .queryParam("certUrl", "{certUrl}")
                .queryParam("certId", "{certId}")
                // values as URI variables, so each is encoded whole (a "&" or "+" in a title stays in the title)
                .encode().buildAndExpand(Map.of("name", certificate.courseTitle(),
                        "organization", organizationPage ? properties.linkedInOrganizationId()
                                : properties.issuerName(),
                        "certUrl", verification(certificate), "certId", certificate.code()))
                .toUriString();
    }
}
