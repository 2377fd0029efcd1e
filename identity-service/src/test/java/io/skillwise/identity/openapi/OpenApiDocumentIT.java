package io.skillwise.identity.openapi;

import io.skillwise.identity.support.ApiTestBase;
import io.skillwise.testsupport.OpenApiContract;
import io.skillwise.testsupport.OpenApiLint;
import io.swagger.v3.oas.models.OpenAPI;
import org.junit.jupiter.api.Test;

/** The document a client developer reads: every operation of identity says what it does, who may call it and how it fails. */
class OpenApiDocumentIT extends ApiTestBase {

    @Test
    void everyOperationDocumentsWhatItDoesAndHowItFails() {
        OpenAPI document = OpenApiContract.assertDocumentComplete(port);
        OpenApiContract.assertExamplesShown(document);
        OpenApiLint.assertClean(document);
    }
}
