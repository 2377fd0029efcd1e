package io.skillwise.promotion.affiliate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param defaultAttributionDays the attribution window of a program that names none
 * @param linkBase               the public address affiliate links start with (the gateway's)
 */
@ConfigurationProperties("skillwise.promotion.affiliate")
public record AffiliateProperties(int defaultAttributionDays, String linkBase) {

    public AffiliateProperties {
        if (defaultAttributionDays <= 0) {
            defaultAttributionDays = 30;
        }
        if (linkBase == null || linkBase.isBlank()) {
            linkBase = "http://127.0.0.1:8080";
        }
    }
}
