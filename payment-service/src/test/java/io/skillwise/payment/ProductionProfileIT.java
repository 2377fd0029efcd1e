package io.skillwise.payment;

import io.skillwise.testsupport.ProductionProfileContract;
import io.skillwise.testsupport.WithInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;

/**
 * The production profile (docs/configuration.md): payment-service starts with secrets of its own and refuses, naming
 * the key, each secret it would otherwise take from a committed development value or not have at all; and the seller
 * printed on invoices (legal name, address, tax id), which must be the operator's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "skillwise.payment.provider=stripe",
        "skillwise.payment.stripe.api-key=sk_test_production_profile",
        "skillwise.payment.stripe.webhook-secret=whsec_production_profile_test",
        "skillwise.service-token.client-secret=production-test-client-secret",
        "spring.datasource.password=production-test-database-password",
        "spring.data.redis.password=production-test-redis-password",
        "skillwise.payment.invoice.seller-name=Production Test Learning GmbH",
        "skillwise.payment.invoice.seller-address=Teststrasse 1, 10115 Berlin, Germany",
        "skillwise.payment.invoice.seller-tax-id=DE123456789",
        "skillwise.payment.stripe.success-url=https://learn.example.org/checkout/success?orderId={ORDER_ID}",
        "skillwise.payment.stripe.cancel-url=https://learn.example.org/checkout/cancelled?orderId={ORDER_ID}"})
@ActiveProfiles("production")
@WithInfrastructure(postgres = true, kafka = true)
class ProductionProfileIT extends ProductionProfileContract {

    ProductionProfileIT() {
        super(PaymentApplication.class, Map.of(
                        "skillwise.payment.provider", "local",
                        "skillwise.payment.stripe.webhook-secret", "whsec_skillwise_local",
                        "skillwise.service-token.client-secret", "payment-service-dev-secret",
                        "skillwise.payment.invoice.seller-name", "SkillWise Ltd.",
                        "skillwise.payment.invoice.seller-address", "1 Example Street, Example City",
                        "skillwise.payment.stripe.success-url",
                        "http://127.0.0.1:8080/checkout/success?orderId={ORDER_ID}",
                        "skillwise.payment.stripe.cancel-url",
                        "http://127.0.0.1:8080/checkout/cancelled?orderId={ORDER_ID}"),
                Map.of("skillwise.payment.stripe.api-key", "skillwise.payment.stripe.api-key",
                        "skillwise.payment.invoice.seller-tax-id", "skillwise.payment.invoice.seller-tax-id"));
    }
}
