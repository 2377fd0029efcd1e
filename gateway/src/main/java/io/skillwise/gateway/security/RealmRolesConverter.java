package io.skillwise.gateway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Keycloak puts realm roles in {@code realm_access.roles}, which Spring does not read by default; each becomes
 * an authority {@code ROLE_<role>} ({@code student}, {@code instructor}, {@code admin}).
 */
final class RealmRolesConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return List.of();
        }
        List<GrantedAuthority> authorities = new ArrayList<>(roles.size());
        for (Object role : roles) {
            if (role instanceof String name && !name.isBlank()) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + name));
            }
        }
        return authorities;
    }
}
