package io.skillwise.promotion.guessing;

import io.skillwise.kit.web.TooManyRequestsException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Limits code guessing where codes are read: a quote that names a coupon or referral code first asks
 * {@link #checkAllowed}, and one whose code could not be used tells {@link #failed}. A guesser (the buyer, and the
 * client's address) gets {@code per-user} (or {@code per-address}) failures in a window that opens with its first
 * failure; past that, every quote naming a code is refused with 429 and {@code Retry-After} until the window ends.
 * Quotes without a code go on, and only failures count: a buyer who types codes right is never held up.
 * <p>
 * Runs inside the quote's transaction: a guesser's counter is locked from the check to the end of the quote, so
 * parallel guesses take turns and the limit holds, on any number of instances.
 */
@Service
@EnableConfigurationProperties(GuessingProperties.class)
public class CodeGuessing {

    private final GuessRepository counters;
    private final GuessingProperties properties;
    private final Clock clock;

    CodeGuessing(GuessRepository counters, GuessingProperties properties, Clock clock) {
        this.counters = counters;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param buyerId       whom the quote is for
     * @param clientAddress where the buyer called from, or {@code null} when unknown (then only the buyer counts)
     * @throws TooManyRequestsException when the buyer or the address is past its limit
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void checkAllowed(UUID buyerId, String clientAddress) {
        Instant now = clock.instant();
        for (Guesser guesser : guessers(buyerId, clientAddress)) {
            counters.lock(guesser.key())
                    .filter(window -> window.start().plus(properties.window()).isAfter(now))
                    .filter(window -> window.failures() >= guesser.limit())
                    .ifPresent(window -> {
                        Duration retryAfter = Duration.between(now, window.start().plus(properties.window()));
                        throw new TooManyRequestsException("Too many codes that cannot be used were tried; try again "
                                + "in " + Math.max(1, retryAfter.toSeconds()) + " s.", retryAfter);
                    });
        }
    }

    /** The quote's code (or one of them) could not be used. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void failed(UUID buyerId, String clientAddress) {
        Instant now = clock.instant();
        for (Guesser guesser : guessers(buyerId, clientAddress)) {
            counters.addFailure(guesser.key(), now, now.minus(properties.window()));
        }
    }

    /** Windows that have ended count nothing any more. */
    @Scheduled(fixedDelayString = "${skillwise.promotion.code-guessing.window}",
            initialDelayString = "${skillwise.promotion.code-guessing.window}")
    void forgetEndedWindows() {
        counters.deleteWindowsStartedBefore(clock.instant().minus(properties.window()));
    }

    private List<Guesser> guessers(UUID buyerId, String clientAddress) {
        List<Guesser> guessers = new ArrayList<>(2);
        guessers.add(new Guesser("user:" + buyerId, properties.perUser()));
        if (clientAddress != null && !clientAddress.isBlank()) {
            guessers.add(new Guesser("address:" + clientAddress, properties.perAddress()));
        }
        return guessers;
    }

    private record Guesser(String key, int limit) {
    }
}
