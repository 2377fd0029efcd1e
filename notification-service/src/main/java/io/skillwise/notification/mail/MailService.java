package io.skillwise.notification.mail;

import io.skillwise.kit.web.ApiException;
import io.skillwise.kit.web.PageView;
import io.skillwise.notification.Notice;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** The durable mail queue: what the delivery core puts in, and what admins see of mail that does not go out. */
@Service
public class MailService {

    /** Which failures an admin lists. */
    public enum FailureFilter {
        /** Given up. */
        FAILED,
        /** Failed at least once and waiting for the next attempt. */
        RETRYING,
        /** Both. */
        ALL
    }

    private final MailRepository mails;
    private final MailRenderer renderer;
    private final MailQueueSender sender;
    private final Clock clock;

    MailService(MailRepository mails, MailRenderer renderer, MailQueueSender sender, Clock clock) {
        this.mails = mails;
        this.renderer = renderer;
        this.sender = sender;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException when the template (either part) does not exist */
    public void requireTemplate(String template) {
        if (!renderer.exists(template)) {
            throw new IllegalArgumentException("no mail template '" + template + "' (templates/mail/" + template
                    + ".html.mustache and .txt.mustache)");
        }
    }

    /** One mail (a notice in a template) for some recipients under one delivery key. */
    public record Addressed(String deliveryKey, Notice notice, MailContent content, Collection<UUID> recipients) {
    }

    /**
     * Queues each mail for each of its recipients who does not have it from its delivery yet, all in one bulk insert,
     * due now. Call {@link #wake()} after the last batch.
     *
     * @return how many mails were queued
     */
    public int enqueue(List<Addressed> mailings) {
        Instant now = clock.instant();
        List<MailJob> batch = new ArrayList<>();
        for (Addressed mailing : mailings) {
            Notice notice = mailing.notice();
            for (UUID recipient : new LinkedHashSet<>(mailing.recipients())) {
                batch.add(new MailJob(idOf(mailing.deliveryKey(), recipient).toString(), mailing.deliveryKey(),
                        recipient.toString(), notice.kind().name(), notice.title(), notice.text(), notice.link(),
                        mailing.content().template(), mailing.content().model(), MailStatus.PENDING, 0, now, null,
                        null, null, null, now, null, null));
            }
        }
        return mails.insertNew(batch);
    }

    /** Lets this instance's sender start at once instead of at its next poll. */
    public void wake() {
        sender.wake();
    }

    public PageView<MailFailureView> failures(FailureFilter filter, int page, int size) {
        PageView.check(page, size);
        Query query = switch (filter) {
            case FAILED -> query(where("status").is(MailStatus.FAILED));
            case RETRYING -> query(where("status").is(MailStatus.PENDING).and("attempts").gt(0));
            case ALL -> query(new Criteria().orOperator(
                    where("status").is(MailStatus.FAILED),
                    where("status").is(MailStatus.PENDING).and("attempts").gt(0)));
        };
        return PageView.of(mails.page(query, page, size).stream().map(MailFailureView::of).toList(), page, size,
                mails.count(query));
    }

    /** Gives a failed mail a fresh round of attempts, starting now. */
    public MailFailureView retry(UUID id) {
        MailJob mail = mails.find(id).orElseThrow(() -> ApiException.notFound("mail"));
        if (!mails.retry(id, clock.instant())) {
            throw ApiException.conflict("only a FAILED mail can be retried; this one is " + mail.status());
        }
        sender.wake();
        return mails.find(id).map(MailFailureView::of).orElseThrow(() -> ApiException.notFound("mail"));
    }

    /** Deletes every mail of a deleted account, whatever its state. */
    public long erase(UUID recipientId) {
        return mails.deleteAllOf(recipientId);
    }

    static UUID idOf(String deliveryKey, UUID recipient) {
        return UUID.nameUUIDFromBytes((deliveryKey + "|" + recipient + "|mail").getBytes(StandardCharsets.UTF_8));
    }
}
