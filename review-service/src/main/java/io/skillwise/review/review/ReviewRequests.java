package io.skillwise.review.review;

import io.skillwise.review.text.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What clients send about reviews. Stars are whole numbers; a fraction is refused as unreadable. */
public final class ReviewRequests {

    public static final int MAX_COMMENT = 4000;
    public static final int MAX_REPLY = 2000;
    public static final int MAX_REASON = 500;

    /** Examples of the OpenAPI document. */
    static final String COMMENT = "Clear explanations and well-paced exercises; the project at the end ties it all together.";
    static final String REPLY = "Thank you! Chapter 5 gets a second project next month.";

    private ReviewRequests() {
    }

    public record PostReviewRequest(
            @Schema(description = "Overall stars, 1 to 5", example = "5") @NotNull @Min(1) @Max(5) Integer rating,
            @Schema(description = "Stars for the content, 1 to 5", example = "5") @Min(1) @Max(5)
            Integer contentQuality,
            @Schema(description = "Stars for the teaching, 1 to 5", example = "4") @Min(1) @Max(5)
            Integer instructorEffectiveness,
            @Schema(description = "Plain text, no HTML, up to 4000 characters", example = COMMENT) @NotBlank
            @Size(max = MAX_COMMENT) @PlainText String comment) {
    }

    /** Only what is sent changes; aspects can be changed, not taken away. */
    public record EditReviewRequest(
            @Schema(example = "4") @Min(1) @Max(5) Integer rating,
            @Schema(example = "4") @Min(1) @Max(5) Integer contentQuality,
            @Schema(example = "4") @Min(1) @Max(5) Integer instructorEffectiveness,
            @Schema(example = COMMENT) @Size(min = 1, max = MAX_COMMENT) @PlainText String comment) {

        boolean isEmpty() {
            return rating == null && contentQuality == null && instructorEffectiveness == null && comment == null;
        }
    }

    public record ReplyRequest(
            @Schema(description = "Plain text, up to 2000 characters", example = REPLY) @NotBlank @Size(max = MAX_REPLY)
            @PlainText
            String text) {
    }

    public record ReportRequest(
            @Schema(description = "Why the review should be looked at, up to 500 characters",
                    example = "Advertises another site") @NotBlank
            @Size(max = MAX_REASON) @PlainText String reason) {
    }
}
