package io.skillwise.notification.trigger;

import io.skillwise.events.payment.CoursePurchased;
import io.skillwise.events.payment.DisputeClosed;
import io.skillwise.events.payment.DisputeOutcome;
import io.skillwise.events.payment.OrderLine;
import io.skillwise.events.payment.PaymentDisputed;
import io.skillwise.events.payment.PaymentFailed;
import io.skillwise.events.payment.PaymentRefunded;
import io.skillwise.notification.Notice;
import io.skillwise.notification.NotificationKind;
import io.skillwise.notification.delivery.Delivery;
import io.skillwise.notification.delivery.DeliveryService;
import io.skillwise.notification.mail.MailContent;
import io.skillwise.notification.replica.UserReplica;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Notices about orders ({@code payment.order.v1}): receipts, failed payments, refunds and disputes. */
@Service
class OrderNotices {

    private static final String HISTORY = "/api/v1/payments/history";

    private final DeliveryService delivery;
    private final CourseTitles courses;
    private final UserReplica users;

    OrderNotices(DeliveryService delivery, CourseTitles courses, UserReplica users) {
        this.delivery = delivery;
        this.courses = courses;
        this.users = users;
    }

    /** The buyer's receipt, linking to the invoice payment-service issued for the order. */
    void purchased(UUID eventId, CoursePurchased purchased) {
        List<String> titles = purchased.lines().stream().map(this::titleOf).toList();
        String what = titles.size() == 1 ? titles.getFirst() : titles.size() + " courses";
        String link = purchased.invoiceId() == null ? HISTORY : "/api/v1/payments/invoices/" + purchased.invoiceId();
        Notice notice = new Notice(NotificationKind.PURCHASE_RECEIPT, "Your receipt: " + what,
                "You paid " + Texts.money(purchased.total()) + " for " + Texts.list(titles)
                        + ". Your invoice is ready.", link);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < purchased.lines().size(); i++) {
            lines.add(Map.of("course", titles.get(i), "paid", Texts.money(purchased.lines().get(i).paid())));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("lines", lines);
        model.put("total", Texts.money(purchased.total()));
        model.put("orderId", purchased.orderId().toString());
        model.put("paidAt", Texts.day(purchased.purchasedAt()));
        if (purchased.discount().amount() > 0) {
            model.put("discount", Texts.money(purchased.discount()));
        }
        delivery.deliver(Delivery.of(Keys.of(eventId), notice, purchased.buyerId())
                .withMail(MailContent.of("receipt", model)));
    }

    void failed(UUID eventId, PaymentFailed failed) {
        String why = failed.failureMessage() != null ? failed.failureMessage() : failed.failureCode();
        String link = failed.courseIds().size() == 1 ? "/api/v1/courses/" + failed.courseIds().getFirst() : HISTORY;
        Notice notice = new Notice(NotificationKind.PAYMENT_FAILED, "Your payment did not go through",
                "We could not take " + Texts.money(failed.amount()) + " for "
                        + Texts.list(courses.of(failed.courseIds())) + " (" + why + "). Nothing was charged; "
                        + "you can try again.", link);
        delivery.deliver(Delivery.of(Keys.of(eventId), notice, failed.buyerId()));
    }

    /** A refund takes away the courses it lists; one that lists none paid back a duplicate payment. */
    void refunded(UUID eventId, PaymentRefunded refunded) {
        String amount = Texts.money(refunded.amount());
        Notice notice = refunded.courseIds().isEmpty()
                ? new Notice(NotificationKind.PAYMENT_REFUNDED, "We refunded a duplicate payment",
                        "You paid twice for the same order; we refunded " + amount + ". Your courses stay yours.",
                        HISTORY)
                : new Notice(NotificationKind.PAYMENT_REFUNDED, "Your refund of " + amount,
                        "We refunded " + amount + ". You no longer have access to "
                                + Texts.list(courses.of(refunded.courseIds())) + ".", HISTORY);
        delivery.deliver(Delivery.of(Keys.of(eventId), notice, refunded.buyerId()));
    }

    /** To the instructors of the disputed courses and to every admin. */
    void disputed(UUID eventId, PaymentDisputed disputed) {
        String text = "A buyer's bank disputes " + Texts.money(disputed.amount()) + " paid for "
                + Texts.list(courses.of(disputed.courseIds()))
                + (disputed.reason() == null ? "" : " (reason: " + disputed.reason() + ")")
                + ". The buyer's access is paused until the dispute is decided.";
        toInstructorsAndAdmins(eventId, disputed.courseIds(), NotificationKind.PAYMENT_DISPUTED,
                "A payment for your course is disputed", "A payment is disputed", text);
    }

    void disputeClosed(UUID eventId, DisputeClosed closed) {
        String what = Texts.money(closed.amount()) + " paid for " + Texts.list(courses.of(closed.courseIds()));
        String text = closed.outcome() == DisputeOutcome.WON
                ? "The dispute about " + what + " was decided for the platform: the money stays and the buyer's "
                        + "access is restored."
                : "The dispute about " + what + " was decided for the buyer: the money goes back, the buyer's access "
                        + "ends and the earnings are reversed.";
        String title = closed.outcome() == DisputeOutcome.WON ? "Dispute won" : "Dispute lost";
        toInstructorsAndAdmins(eventId, closed.courseIds(), NotificationKind.DISPUTE_CLOSED, title, title, text);
    }

    private void toInstructorsAndAdmins(UUID eventId, List<UUID> courseIds, NotificationKind kind,
                                        String instructorTitle, String adminTitle, String text) {
        List<UUID> instructors = courses.instructorsOf(courseIds);
        List<Delivery> deliveries = new ArrayList<>();
        if (!instructors.isEmpty()) {
            deliveries.add(Delivery.of(Keys.of(eventId, "instructors"),
                    new Notice(kind, instructorTitle, text, "/api/v1/instructors/earnings"), instructors));
        }
        // an admin who teaches one of the courses is told once, as its instructor
        List<UUID> admins = users.adminIds().stream().filter(admin -> !instructors.contains(admin)).toList();
        if (!admins.isEmpty()) {
            deliveries.add(Delivery.of(Keys.of(eventId, "admins"),
                    new Notice(kind, adminTitle, text, "/api/v1/admin/payments"), admins));
        }
        delivery.deliverAll(deliveries);
    }

    private String titleOf(OrderLine line) {
        return line.courseTitle() != null ? line.courseTitle() : courses.of(line.courseId());
    }
}
