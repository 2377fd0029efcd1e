package io.skillwise.identity.session;

import io.skillwise.identity.keycloak.TokenSet;
import io.skillwise.identity.session.SessionRequests.LoginRequest;
import io.skillwise.identity.session.SessionRequests.LogoutRequest;
import io.skillwise.identity.session.SessionRequests.RefreshRequest;
import io.skillwise.identity.session.SessionRequests.TokenView;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.web.Problems;
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

@RestController
@RequestMapping("/api/v1/auth")
public class SessionController {

    private final SessionService sessions;

    public SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    @PostMapping("/login")
    public TokenView login(@Valid @RequestBody LoginRequest request) {
        return view(sessions.login(request.email(), request.password(), request.otp()));
    }

    @PostMapping("/refresh")
    public TokenView refresh(@Valid @RequestBody RefreshRequest request) {
        return view(sessions.refresh(request.refreshToken()));
    }

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
