package io.skillwise.enrollment.certificate;

import io.skillwise.kit.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
class CertificateController {

    private final CertificateService certificates;

    CertificateController(CertificateService certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/api/v1/enrollments/{id}/certificate")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        byte[] pdf = certificates.pdf(id, CurrentUser.require());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("certificate-" + id + ".pdf").build().toString())
                .body(pdf);
    }

    /** Public (see EnrollmentApplication's PublicEndpoints): anyone holding a code may check it. */
    @GetMapping("/api/v1/certificates/{code}")
    CertificateService.Verification verify(@PathVariable String code) {
        return certificates.verify(code);
    }
}
