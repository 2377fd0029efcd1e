package io.skillwise.review.screening;

import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Screening on write: a review that trips any rule is stored PENDING, counts nowhere and waits for a moderator
 * instead of going public. The rules err on the side of holding: a false alarm costs a moderator a click, a missed
 * link costs a learner their trust. The text is read as words and whitespace-separated tokens, not with patterns.
 */
@Component
public class Screening {

    /** Top-level domains that spam and off-platform selling use; "Node.js" or "e.g." are not addresses. */
    private static final Set<String> WEB_DOMAINS = Set.of("com", "net", "org", "io", "co", "ly", "me", "info", "biz",
            "xyz", "ru", "cn", "app", "dev", "site", "online", "shop", "link", "click", "top", "gg", "to", "tk",
            "us", "uk", "de", "fr", "in", "ai", "tv", "cc", "ws", "club", "store", "tech", "live", "pro");
    private static final int MAX_REPEATED_CHARACTERS = 7;
    private static final int MAX_REPEATED_WORD = 3;
    private static final int MIN_WORDS_FOR_VARIETY = 20;
    private static final double MIN_DISTINCT_WORDS = 0.3;
    private static final int MIN_PHONE_DIGITS = 9;
    private static final int MIN_WORDS_TO_COMPARE = 8;

    private final ScreeningProperties properties;
    private final List<List<String>> bannedPhrases;

    public Screening(ScreeningProperties properties) {
        this.properties = properties;
        this.bannedPhrases = properties.bannedTerms().stream().map(Screening::words)
                .filter(phrase -> !phrase.isEmpty()).toList();
    }

    public Set<ScreeningFlag> check(ScreeningInput input) {
        Set<ScreeningFlag> flags = EnumSet.noneOf(ScreeningFlag.class);
        List<String> words = words(input.text());
        if (containsBannedPhrase(words)) {
            flags.add(ScreeningFlag.BANNED_TERM);
        }
        List<String> tokens = tokens(input.text());
        if (properties.links() && tokens.stream().anyMatch(Screening::isWebAddress)) {
            flags.add(ScreeningFlag.LINK);
        }
        if (properties.contactDetails()
                && (tokens.stream().anyMatch(Screening::isEmailAddress) || hasPhoneNumber(input.text()))) {
            flags.add(ScreeningFlag.CONTACT_DETAILS);
        }
        if (properties.repeatedText() && (input.copiesAnotherReview() || repeatsItself(input.text(), words))) {
            flags.add(ScreeningFlag.REPEATED_TEXT);
        }
        if (isBombing(input)) {
            flags.add(ScreeningFlag.RATING_BOMBING);
        }
        return flags;
    }

    /** The words of a text, lower case: runs of letters, digits and apostrophes. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '\'') {
                word.appendCodePoint(Character.toLowerCase(c));
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        });
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    private boolean containsBannedPhrase(List<String> words) {
        for (List<String> phrase : bannedPhrases) {
            for (int start = 0; start + phrase.size() <= words.size(); start++) {
                if (words.subList(start, start + phrase.size()).equals(phrase)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whitespace-separated tokens without the punctuation around them, lower case. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean space = i == text.length() || Character.isWhitespace(text.charAt(i));
            if (!space && start < 0) {
                start = i;
            } else if (space && start >= 0) {
                String token = trimPunctuation(text.substring(start, i).toLowerCase(Locale.ROOT));
                if (!token.isEmpty()) {
                    tokens.add(token);
                }
                start = -1;
            }
        }
        return tokens;
    }

    private static String trimPunctuation(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && "([{<\"'".indexOf(token.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && ")]}>\"',;:!?.".indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        return token.substring(start, end);
    }

    private static boolean isWebAddress(String token) {
        if (token.contains("://") || token.startsWith("www.")) {
            return true;
        }
        if (token.contains("@")) {
            return false;
        }
        int slash = token.indexOf('/');
        return isDomain(slash < 0 ? token : token.substring(0, slash));
    }

    private static boolean isDomain(String host) {
        String[] labels = host.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || !label.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-')) {
                return false;
            }
        }
        return WEB_DOMAINS.contains(labels[labels.length - 1]);
    }

    private static boolean isEmailAddress(String token) {
        int at = token.indexOf('@');
        if (at <= 0 || at != token.lastIndexOf('@')) {
            return false;
        }
        String[] labels = token.substring(at + 1).split("\\.", -1);
        String last = labels[labels.length - 1];
        return labels.length >= 2 && last.length() >= 2 && last.chars().allMatch(Character::isLetter);
    }

    /**
     * A run of at least {@value #MIN_PHONE_DIGITS} digits, possibly with one space, dash, dot, slash or parenthesis
     * between them and a leading plus: "+49 170 1234567", "(555) 123-4567". Years in a list ("2019, 2020") are
     * split by commas and never add up.
     */
    private static boolean hasPhoneNumber(String text) {
        int digits = 0;
        boolean separatorBefore = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                digits++;
                separatorBefore = false;
                if (digits >= MIN_PHONE_DIGITS) {
                    return true;
                }
            } else if ("()+".indexOf(c) >= 0) {
                separatorBefore = false;
            } else if (" -./".indexOf(c) >= 0 && !separatorBefore) {
                separatorBefore = true;
            } else {
                digits = 0;
                separatorBefore = false;
            }
        }
        return false;
    }

    private static boolean repeatsItself(String text, List<String> words) {
        int run = 1;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            run = !Character.isWhitespace(c) && c == text.charAt(i - 1) ? run + 1 : 1;
            if (run > MAX_REPEATED_CHARACTERS) {
                return true;
            }
        }
        int same = 1;
        for (int i = 1; i < words.size(); i++) {
            same = words.get(i).equals(words.get(i - 1)) ? same + 1 : 1;
            if (same > MAX_REPEATED_WORD) {
                return true;
            }
        }
        return words.size() >= MIN_WORDS_FOR_VARIETY
                && (double) new HashSet<>(words).size() / words.size() < MIN_DISTINCT_WORDS;
    }

    private boolean isBombing(ScreeningInput input) {
        ScreeningProperties.Bombing bombing = properties.bombing();
        return bombing.threshold() > 0 && input.newAccount() && input.rating() <= bombing.maxRating()
                && input.recentLowFromNewAccounts() + 1 >= bombing.threshold();
    }

    /**
     * A fingerprint of the words of a text, the same however it is capitalised or punctuated, to spot a review
     * copied from another one.
     */
    public static String fingerprint(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join(" ", words(text)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Short texts ("Great course!") are written alike by many people; only longer ones count as copies. */
    public static boolean worthComparing(String text) {
        return words(text).size() >= MIN_WORDS_TO_COMPARE;
    }

    public ScreeningProperties properties() {
        return properties;
    }
}
