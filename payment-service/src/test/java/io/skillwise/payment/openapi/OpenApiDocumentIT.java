package io.skillwise.payment.openapi;

import io.skillwise.payment.support.PaymentApiTest;
import io.skillwise.testsupport.OpenApiContract;
import io.skillwise.testsupport.OpenApiLint;
import io.swagger.v3.oas.models.OpenAPI;
import org.junit.jupiter.api.Test;

/** The document a client developer reads: every operation of payment says what it does, who may call it and how it fails. */
class OpenApiDocumentIT extends PaymentApiTest {

    @Test
    void everyOperationDocumentsWhatItDoesAndHowItFails() {
        OpenAPI document = OpenApiContract.assertDocumentComplete(port);
        OpenApiContract.assertExamplesShown(document);
        OpenApiLint.assertClean(document);
    }
}
