package io.skillwise.promotion.openapi;

import io.skillwise.promotion.support.PromotionApiTest;
import io.skillwise.testsupport.ApiResponse;
import io.skillwise.testsupport.OpenApiContract;
import io.skillwise.testsupport.OpenApiLint;
import io.swagger.v3.oas.models.OpenAPI;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;

import static io.skillwise.promotion.support.Promotions.code;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is part of the contract, and strict request bodies must not spoil it: the kit makes only the
 * request side strict, so {@code /v3/api-docs} stays a JSON document (a converter of its own once turned it into a
 * base64 string).
 */
class OpenApiDocumentIT extends PromotionApiTest {

    @Test
    void theOpenApiDocumentIsAJsonDocumentDescribingThePromotionRoutes() {
        ApiResponse document = service.get("/v3/api-docs").assertStatus(200);

        assertThat(document.contentType()).startsWith("application/json");
        JsonNode openApi = document.body();
        assertThat(openApi.isObject()).as("a JSON object, not a string: %s", document).isTrue();
        assertThat(openApi.path("openapi").asString()).startsWith("3.");
        assertThat(openApi.path("paths").has("/api/v1/promotions/coupons")).isTrue();
        assertThat(openApi.path("paths").has("/api/v1/affiliates/programs")).isTrue();
        assertThat(openApi.at("/components/schemas/MoneyRequest/properties/currency").isObject()).isTrue();
    }

    @Test
    void everyOperationDocumentsWhatItDoesAndHowItFails() {
        OpenAPI document = OpenApiContract.assertDocumentComplete(port);
        OpenApiContract.assertExamplesShown(document);
        OpenApiLint.assertClean(document);

        io.swagger.v3.oas.models.responses.ApiResponse tooMany =
                document.getPaths().get("/api/v1/promotions/quote").getPost().getResponses().get("429");
        assertThat(tooMany.getHeaders()).containsKey("Retry-After");
        assertThat(tooMany.getContent()).containsOnlyKeys("application/problem+json");
        assertThat(document.getPaths().get("/api/v1/promotions/bundles").getGet().getSecurity())
                .as("a public route takes a token optionally").hasSize(2);
    }

    @Test
    void anAffiliateProgramIsShownToEveryoneAndManagedByItsInstructor() {
        // anyone signed in reads a program to join it (AffiliateIT); the document must not claim an owner check there
        OpenAPI document = OpenApiContract.assertDocumentComplete(port);
        Map<String, String> owners = new HashMap<>();
        OpenApiContract.accessOf(document).forEach(access ->
                owners.put(access.method() + " " + access.path(), access.objectOwner()));

        assertThat(owners).containsEntry("GET /api/v1/affiliates/programs/{id}", null);
        assertThat(owners).containsEntry("POST /api/v1/affiliates/programs/{id}/close",
                "the program's instructor, or an admin");
        assertThat(owners).containsEntry("GET /api/v1/affiliates/programs/{id}/results",
                "the program's instructor, or an admin");
    }

    @Test
    void campaignAndAffiliateFiguresAreTwoComponentsOfTheirOwnShape() {
        // both records are called Figures: under one component name the document showed one shape for both
        OpenAPI document = OpenApiContract.assertDocumentComplete(port);

        assertThat(document.getComponents().getSchemas()).doesNotContainKey("Figures");
        assertThat(OpenApiContract.propertiesOf(document, "CampaignFigures")).containsOnlyKeys("redemptions",
                "discount", "purchases", "revenue", "enrollments", "enrollmentsBefore", "spikeRatio");
        assertThat(OpenApiContract.propertiesOf(document, "AffiliateFigures"))
                .containsOnlyKeys("clicks", "conversions", "earned", "reversed");
        assertThat(OpenApiContract.propertiesOf(document, "CampaignReport").get("total").get$ref())
                .isEqualTo("#/components/schemas/CampaignFigures");
        assertThat(OpenApiContract.propertiesOf(document, "MyProgramView").get("figures").get$ref())
                .isEqualTo("#/components/schemas/AffiliateFigures");
    }

    @Test
    void aRequestWithAFieldTheApiDoesNotKnowIsRefusedAndChangesNothing() {
        String code = code("STRICT");
        Map<String, Object> coupon = new HashMap<>(Map.of("code", code, "kind", "PERCENT", "percentOff", 10,
                "scope", "INSTRUCTOR"));
        Map<String, Object> withUnknownField = new HashMap<>(coupon);
        withUnknownField.put("discountEverything", true);

        ApiResponse refused = api.as(instructor).post("/promotions/coupons", withUnknownField);

        assertThat(refused.assertProblem(400).text("type")).endsWith("/unreadable-body");
        assertThat(api.as(instructor).get("/promotions/coupons?size=100").items("code")).doesNotContain(code);
        api.as(instructor).post("/promotions/coupons", coupon).assertStatus(201);
    }
}
