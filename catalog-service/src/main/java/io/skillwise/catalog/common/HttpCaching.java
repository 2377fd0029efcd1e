package io.skillwise.catalog.common;

import io.skillwise.kit.security.CurrentUser;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * HTTP caching of the browsing answers (course details, listing, categories): every answer carries an ETag of its
 * body, a request with a matching {@code If-None-Match} gets {@code 304 Not Modified}, and {@code Cache-Control}
 * says clients and shared caches must revalidate ({@code no-cache}); answers to a signed-in caller are private, as
 * they may include the caller's own drafts.
 */
@Configuration(proxyBeanMethods = false)
public class HttpCaching {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> browsingEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/v1/courses", "/api/v1/courses/*", "/api/v1/categories");
        registration.setName("browsingEtags");
        return registration;
    }

    /** A 200 answer for a browsing GET with the cache headers. */
    public static <T> ResponseEntity<T> browsing(T body) {
        boolean anonymous = CurrentUser.find().isEmpty();
        CacheControl cache = anonymous ? CacheControl.noCache().cachePublic() : CacheControl.noCache().cachePrivate();
        return ResponseEntity.ok().cacheControl(cache).header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION).body(body);
    }
}
