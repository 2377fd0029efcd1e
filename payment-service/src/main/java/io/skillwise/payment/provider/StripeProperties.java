package io.skillwise.payment.provider;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Stripe and its local stand-in.
 *
 * @param apiKey           Stripe secret key ({@code skillwise.payment.provider=stripe})
 * @param apiBase          Stripe's API root; tests point it at a stand-in
 * @param webhookSecret    the {@code whsec_...} secret webhooks are signed with (the local provider signs with it too)
 * @param webhookTolerance how old a signed timestamp may be; older deliveries are refused as replays
 * @param successUrl       where Checkout sends the buyer after paying; {@code {ORDER_ID}} is replaced
 * @param cancelUrl        where Checkout sends the buyer who cancels; {@code {ORDER_ID}} is replaced
 * @param localBaseUrl     how a browser reaches payment-service's local checkout page (normally the gateway)
 * @param localWebhookUrl  where the local provider posts its events; blank means this instance's own webhook
 * @param connectTimeout   the most a call to Stripe's API waits for a connection
 * @param readTimeout      the most a call to Stripe's API waits for its answer
 */
@ConfigurationProperties("skillwise.payment.stripe")
public record StripeProperties(String apiKey, String apiBase, String webhookSecret, Duration webhookTolerance,
                               String successUrl, String cancelUrl, String localBaseUrl, String localWebhookUrl,
                               Duration connectTimeout, Duration readTimeout) {

    public StripeProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(8) : readTimeout;
    }

    public String successUrl(Object orderId) {
        return successUrl.replace("{ORDER_ID}", orderId.toString());
    }

    public String cancelUrl(Object orderId) {
        return cancelUrl.replace("{ORDER_ID}", orderId.toString());
    }
}
