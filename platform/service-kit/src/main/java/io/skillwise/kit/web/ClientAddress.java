package io.skillwise.kit.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.regex.Pattern;

/**
 * Where a caller is: the gateway puts the address it saw (and rate-limits by) into {@link #HEADER} of every request it
 * forwards, replacing whatever the caller sent under that name. A service called directly, past the gateway, sees the
 * connection's peer instead; such a caller could also write the header itself, which is why per-address limits only
 * add to the per-user ones (docs/gateway.md).
 */
public final class ClientAddress {

    public static final String HEADER = "X-SkillWise-Client-Address";

    /** IPv4, IPv6 (with a zone); anything else is not an address the gateway wrote. */
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Za-z.:%]{2,64}");

    private ClientAddress() {
    }

    /** The gateway's header, or the connection's peer when there is none. */
    public static String of(HttpServletRequest request) {
        String forwarded = forwarded(request);
        return forwarded != null ? forwarded : request.getRemoteAddr();
    }

    /** Only the header: for a service that calls on behalf of a buyer and passes the buyer's address on. */
    public static String forwarded(HttpServletRequest request) {
        String value = request.getHeader(HEADER);
        return value != null && ADDRESS.matcher(value).matches() ? value : null;
    }

    /** The header of the request this thread is handling, to pass on to another service; {@code null} outside one. */
    public static String current() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? forwarded(attributes.getRequest()) : null;
    }
}
