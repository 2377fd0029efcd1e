package io.skillwise.identity.session;

import io.skillwise.identity.keycloak.TokenSet;
import io.skillwise.identity.session.SessionRequests.LoginRequest;
import io.skillwise.identity.session.SessionRequests.LogoutRequest;
import io.skillwise.identity.session.SessionRequests.RefreshRequest;
import io.skillwise.identity.session.SessionRequests.TokenView;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@Tag(name = "Sessions", description = "Signing in, refreshing tokens and signing out")
@RestController
@RequestMapping("/api/v1/auth")
public class SessionController {

    private final SessionService sessions;

    public SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    @Operation(summary = "Sign in",
            description = "Public: e-mail and password (and otp, the current TOTP code, when the account uses a "
                    + "second factor) for an access token, a refresh token and their lifetimes. Use the access "
                    + "token as `Authorization: Bearer <token>`. Changes nothing.")
    @ApiResponse(responseCode = "401",
            description = "`invalid-credentials`: wrong e-mail, password or code, or a disabled account; "
                    + "`mfa-required` (with mfaRequired: true): send the current code as otp")
    @PostMapping("/login")
    public TokenView login(@Valid @RequestBody LoginRequest request) {
        return view(sessions.login(request.email(), request.password(), request.otp()));
    }

    @Operation(summary = "Refresh the tokens",
            description = "Public: a refresh token for a new access token and refresh token. Changes nothing.")
    @ApiResponse(responseCode = "401",
            description = "`invalid-refresh-token`: invalid, expired or revoked; sign in again")
    @PostMapping("/refresh")
    public TokenView refresh(@Valid @RequestBody RefreshRequest request) {
        return view(sessions.refresh(request.refreshToken()));
    }

    @Operation(summary = "Sign out",
            description = "The signed-in user ends the session: its refresh token stops working and its access "
                    + "tokens are refused at once by every service (the revoked session is shared through "
                    + "Redis).")
    @ApiResponse(responseCode = "400", description = "`validation`: no refresh token")
    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void logout(@Valid @RequestBody LogoutRequest request) {
        sessions.logout(CurrentUser.require(), request.refreshToken());
    }

    /** The contract's {@code mfaRequired: true} flag, which the kit's generic problem cannot carry. */
    @ExceptionHandler(MfaRequiredException.class)
    ProblemDetail mfaRequired(MfaRequiredException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, e.type(), e.getMessage());
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("mfaRequired", true);
        return problem;
    }

    private static TokenView view(TokenSet tokens) {
        return new TokenView(tokens.accessToken(), tokens.refreshToken(), tokens.expiresIn(), "Bearer");
    }
}
