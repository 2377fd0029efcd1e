package io.skillwise.enrollment.certificate;

import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.OwnedObject;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.UUID;

@Tag(name = "Certificates", description = "Certificates of completed courses and their public verification")
@RestController
class CertificateController {

    private static final String NOT_THE_CALLERS =
            "`not-found`: no such enrollment of the caller (another learner's answers the same)";
    private static final String NOT_COMPLETED =
            "`conflict`: the course is not completed, so there is no certificate";
    private static final String CODE = "The code printed on the certificate (letters in either case)";
    /** {@code SW-XXXX-XXXX-XXXX}, see {@link VerificationCodes}; a longer one is no certificate's (404). */
    private static final int CODE_LENGTH = 17;
    private static final String CODE_EXAMPLE = "SW-7K3M-9QXD-2PRA";

    private final CertificateService certificates;

    CertificateController(CertificateService certificates) {
        this.certificates = certificates;
    }

    @Operation(summary = "Download a certificate",
            description = "The learner's certificate of a completed course as PDF, with a verification code. "
                    + "Changes nothing.")
    @ApiResponse(responseCode = "404", description = NOT_THE_CALLERS)
    @ApiResponse(responseCode = "409", description = NOT_COMPLETED)
    @OwnedObject("the enrollment's learner")
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
    @Operation(summary = "Verify a certificate",
            description = "Public: anyone holding a certificate's code (printed on it) checks whom it was issued "
                    + "to, for which course and when. The answer also carries what sharing needs: the address of "
                    + "the certificate as an image, and LinkedIn's \"add to profile\" link filled in with the "
                    + "certification (course title, issuer, month of completion, code, verification URL). Changes "
                    + "nothing.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no certificate has this code")
    @GetMapping("/api/v1/certificates/{code}")
    CertificateService.Verification verify(@Parameter(description = CODE, schema = @Schema(maxLength = CODE_LENGTH,
            example = CODE_EXAMPLE)) @PathVariable String code) {
        return certificates.verify(code);
    }

    /** Public like the verification: the learner shares the image with whoever they share the code with. */
    @Operation(summary = "A certificate as an image",
            description = "Public: the certificate of a code as a PNG, 1200 pixels wide, for social profiles and "
                    + "posts; the same page as the learner's PDF, while the certificate is valid. Changes nothing.")
    @ApiResponse(responseCode = "200", description = "The certificate",
            content = @Content(mediaType = MediaType.IMAGE_PNG_VALUE))
    @ApiResponse(responseCode = "404",
            description = "`not-found`: no certificate has this code, or it is no longer valid (course revoked)")
    @GetMapping("/api/v1/certificates/{code}/image")
    ResponseEntity<byte[]> image(@Parameter(description = CODE, schema = @Schema(maxLength = CODE_LENGTH,
            example = CODE_EXAMPLE)) @PathVariable String code) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(certificates.png(code));
    }

    @Operation(summary = "Reissue a certificate",
            description = "The learner asks for their certificate with the names as their profile has them now "
                    + "(a certificate keeps the names it was issued with until then). Same code: copies already "
                    + "shared verify with the new name. Answers the verification; download the new PDF as before.")
    @ApiResponse(responseCode = "404", description = NOT_THE_CALLERS)
    @ApiResponse(responseCode = "409", description = NOT_COMPLETED)
    @OwnedObject("the enrollment's learner")
    @PostMapping("/api/v1/enrollments/{id}/certificate/reissue")
    CertificateService.Verification reissue(@PathVariable UUID id) {
        return certificates.reissue(id, CurrentUser.require());
    }
}
