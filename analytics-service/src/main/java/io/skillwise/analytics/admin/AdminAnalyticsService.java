package io.skillwise.analytics.admin;

import io.skillwise.analytics.admin.AdminAnalyticsViews.ActiveInstructor;
import io.skillwise.analytics.admin.AdminAnalyticsViews.ActiveLearner;
import io.skillwise.analytics.admin.AdminAnalyticsViews.AdminAnalyticsView;
import io.skillwise.analytics.admin.AdminAnalyticsViews.Checkout;
import io.skillwise.analytics.admin.AdminAnalyticsViews.Disputes;
import io.skillwise.analytics.admin.AdminAnalyticsViews.MoneyAmount;
import io.skillwise.analytics.admin.AdminAnalyticsViews.NewUsers;
import io.skillwise.analytics.admin.AdminAnalyticsViews.PlatformMoney;
import io.skillwise.analytics.admin.AdminAnalyticsViews.Refunds;
import io.skillwise.analytics.admin.AdminAnalyticsViews.SignUpPeriod;
import io.skillwise.analytics.admin.AdminAnalyticsViews.TopCourseByEnrollments;
import io.skillwise.analytics.admin.AdminAnalyticsViews.TopCourseByRevenue;
import io.skillwise.analytics.course.CourseInfo;
import io.skillwise.analytics.course.CourseService;
import io.skillwise.analytics.course.InstructorActivity;
import io.skillwise.analytics.learning.LearningService;
import io.skillwise.analytics.people.UserService;
import io.skillwise.analytics.projection.ProjectionReads;
import io.skillwise.analytics.report.ReportPeriod;
import io.skillwise.analytics.sales.MoneyFigures;
import io.skillwise.analytics.sales.SalesService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The platform-wide figures admins see, from one snapshot of the active projection version. */
@Service
class AdminAnalyticsService {

    private final ProjectionReads reads;
    private final SalesService sales;
    private final LearningService learning;
    private final CourseService courses;
    private final UserService users;

    AdminAnalyticsService(ProjectionReads reads, SalesService sales, LearningService learning, CourseService courses,
                          UserService users) {
        this.reads = reads;
        this.sales = sales;
        this.learning = learning;
        this.courses = courses;
        this.users = users;
    }

    AdminAnalyticsView analytics(ReportPeriod period, int top) {
        return reads.read(snapshot -> {
            long ordersPaid = sales.ordersPaid(period.from(), period.to());
            List<SalesService.CourseRevenue> byRevenue = sales.topCoursesByRevenue(period.from(), period.to(), top);
            List<LearningService.CourseCount> byEnrollments =
                    learning.topCoursesByEnrollments(period.from(), period.to(), top);
            List<LearningService.LearnerActivity> learners = learning.mostActiveLearners(period.from(), period.to(), top);
            List<InstructorActivity> instructors = courses.mostActiveInstructors(period.from(), period.to(), top);

            Set<UUID> courseIds = new HashSet<>();
            byRevenue.forEach(course -> courseIds.add(course.courseId()));
            byEnrollments.forEach(course -> courseIds.add(course.courseId()));
            Map<UUID, CourseInfo> courseInfo = courses.findAll(courseIds);
            Set<UUID> userIds = new HashSet<>();
            courseInfo.values().forEach(course -> userIds.add(course.instructorId()));
            learners.forEach(learner -> userIds.add(learner.learnerId()));
            instructors.forEach(instructor -> userIds.add(instructor.instructorId()));
            Map<UUID, String> names = users.names(userIds);

            List<PlatformMoney> revenue = revenue(period);
            SalesService.Funnel funnel = sales.funnel(period.from(), period.to());
            SalesService.Disputes disputes = sales.disputes(period.from(), period.to());
            long refunds = sales.refunds(period.from(), period.to());
            return new AdminAnalyticsView(snapshot.asOf(), period.from(), period.to(), period.unit(), ordersPaid,
                    revenue,
                    byRevenue.stream().map(course -> new TopCourseByRevenue(course.courseId(),
                            title(courseInfo, course.courseId()), course.instructorId(),
                            names.get(course.instructorId()), course.currency(), course.revenue(), course.orders()))
                            .toList(),
                    byEnrollments.stream().map(course -> {
                        UUID instructor = courseInfo.containsKey(course.courseId())
                                ? courseInfo.get(course.courseId()).instructorId() : null;
                        return new TopCourseByEnrollments(course.courseId(), title(courseInfo, course.courseId()),
                                instructor, instructor == null ? null : names.get(instructor), course.count());
                    }).toList(),
                    learners.stream().map(learner -> new ActiveLearner(learner.learnerId(),
                            names.get(learner.learnerId()), learner.lessonsCompleted(), learner.quizAttempts(),
                            learner.activeDays())).toList(),
                    instructors.stream().map(instructor -> new ActiveInstructor(instructor.instructorId(),
                            names.get(instructor.instructorId()), instructor.courseChanges(),
                            instructor.reviewReplies())).toList(),
                    newUsers(period),
                    new Refunds(refunds, rate(refunds, ordersPaid), revenue.stream()
                            .map(money -> new MoneyAmount(money.currency(), money.refunded())).toList()),
                    new Disputes(disputes.opened(), disputes.won(), disputes.lost(), rate(disputes.opened(), ordersPaid)),
                    new Checkout(funnel.started(), funnel.purchased(), funnel.failed(),
                            funnel.started() - funnel.purchased() - funnel.failed(),
                            rate(funnel.purchased(), funnel.started())));
        });
    }

    /** Per currency, course sales by stream and subscription payments combined into the platform's money. */
    private List<PlatformMoney> revenue(ReportPeriod period) {
        Map<String, MoneyFigures> courseMoney = new TreeMap<>();
        Map<String, MoneyFigures> shares = new TreeMap<>();
        for (SalesService.StreamMoney stream : sales.totalsByStream(period.from(), period.to())) {
            Map<String, MoneyFigures> into = "SUBSCRIPTION".equals(stream.stream()) ? shares : courseMoney;
            into.merge(stream.figures().currency(), stream.figures(), MoneyFigures::plus);
        }
        Map<String, Long> subscriptions = new LinkedHashMap<>();
        sales.subscriptionPayments(period.from(), period.to())
                .forEach(payments -> subscriptions.put(payments.currency(), payments.amount()));
        Set<String> currencies = new TreeSet<>(courseMoney.keySet());
        currencies.addAll(shares.keySet());
        currencies.addAll(subscriptions.keySet());
        List<PlatformMoney> revenue = new ArrayList<>();
        for (String currency : currencies) {
            MoneyFigures course = courseMoney.getOrDefault(currency, MoneyFigures.zero(currency));
            MoneyFigures share = shares.getOrDefault(currency, MoneyFigures.zero(currency));
            long subscriptionRevenue = subscriptions.getOrDefault(currency, 0L);
            revenue.add(new PlatformMoney(currency, course.gross(), course.discount(), course.refunded(),
                    subscriptionRevenue, share.net(), course.platformFee() + subscriptionRevenue - share.net(),
                    course.net() + share.net(), course.affiliateCommission() + share.affiliateCommission()));
        }
        return revenue;
    }

    private NewUsers newUsers(ReportPeriod period) {
        Map<java.time.LocalDate, long[]> byPeriod = new TreeMap<>();
        period.buckets().forEach(bucket -> byPeriod.put(bucket.start(), new long[2]));
        long total = 0;
        long instructors = 0;
        for (UserService.SignUps day : users.signUpsByDay(period.from(), period.to())) {
            java.time.LocalDate start = period.bucketOf(day.day());
            long[] counts = byPeriod.get(start.isBefore(period.from()) ? period.from() : start);
            counts[0] += day.total();
            counts[1] += day.instructors();
            total += day.total();
            instructors += day.instructors();
        }
        return new NewUsers(total, total - instructors, instructors, byPeriod.entrySet().stream()
                .map(e -> new SignUpPeriod(e.getKey(), e.getValue()[0], e.getValue()[0] - e.getValue()[1],
                        e.getValue()[1]))
                .toList());
    }

    private static String title(Map<UUID, CourseInfo> courses, UUID courseId) {
        return courses.containsKey(courseId) ? courses.get(courseId).title() : null;
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(10_000.0 * part / whole) / 10_000.0;
    }
}
