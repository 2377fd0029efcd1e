package io.skillwise.enrollment.openapi;

import io.skillwise.enrollment.support.EnrollmentApiTest;
import io.skillwise.testsupport.OpenApiContract;
import io.skillwise.testsupport.OpenApiLint;
import io.swagger.v3.oas.models.OpenAPI;
import org.junit.jupiter.api.Test;

/** The document a client developer reads: every operation of enrollment says what it does, who may call it and how it fails. */
class OpenApiDocumentIT extends EnrollmentApiTest {

    @Test
    void everyOperationDocumentsWhatItDoesAndHowItFails() {
        OpenAPI document = OpenApiContract.assertDocumentComplete(port);
        OpenApiContract.assertExamplesShown(document);
        OpenApiLint.assertClean(document);
    }
}
