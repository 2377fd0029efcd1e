package io.skillwise.analytics.instructor;

import io.skillwise.analytics.campaign.CampaignService;
import io.skillwise.analytics.course.CourseInfo;
import io.skillwise.analytics.course.CourseService;
import io.skillwise.analytics.instructor.InstructorViews.CourseView;
import io.skillwise.analytics.instructor.InstructorViews.DashboardView;
import io.skillwise.analytics.instructor.InstructorViews.Earnings;
import io.skillwise.analytics.instructor.InstructorViews.Engagement;
import io.skillwise.analytics.learning.LearningService;
import io.skillwise.analytics.projection.FreshPage;
import io.skillwise.analytics.projection.ProjectionReads;
import io.skillwise.analytics.sales.MoneyFigures;
import io.skillwise.analytics.sales.SalesService;
import io.skillwise.kit.web.PageView;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** The instructor's dashboard and course list, each from one snapshot of the active projection version. */
@Service
class InstructorDashboardService {

    private static final int CAMPAIGNS_SHOWN = 5;

    private final ProjectionReads reads;
    private final CourseService courses;
    private final SalesService sales;
    private final LearningService learning;
    private final CampaignService campaigns;
    private final Clock clock;

    InstructorDashboardService(ProjectionReads reads, CourseService courses, SalesService sales,
                               LearningService learning, CampaignService campaigns, Clock clock) {
        this.reads = reads;
        this.courses = courses;
        this.sales = sales;
        this.learning = learning;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    DashboardView dashboard(UUID instructorId) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return reads.read(snapshot -> {
            List<CourseInfo> own = courses.coursesOf(instructorId);
            List<UUID> ids = own.stream().map(CourseInfo::courseId).toList();
            long enrollments = 0;
            long completed = 0;
            for (LearningService.CourseLearning course : learning.courseLearning(ids)) {
                enrollments += course.enrollments();
                completed += course.completed();
            }
            long ratings = own.stream().mapToLong(CourseInfo::ratingCount).sum();
            double stars = own.stream().mapToDouble(course -> course.ratingAverage() * course.ratingCount()).sum();
            LocalDate weeksFrom = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(11);
            return new DashboardView(snapshot.asOf(), instructorId,
                    new Earnings(sales.totals(instructorId),
                            sales.totals(instructorId, today.minusDays(29), today)),
                    learning.enrolledStudents(instructorId), (int) own.stream().filter(CourseInfo::published).count(),
                    own.size(), ratings == 0 ? null : round(stars / ratings, 2), ratings, enrollments, completed,
                    enrollments == 0 ? null : round((double) completed / enrollments, 4),
                    new Engagement(learning.activityByDay(instructorId, today.minusDays(29), today),
                            learning.activityByWeek(instructorId, weeksFrom, today)),
                    campaigns.effectsOf(instructorId, ids, now, CAMPAIGNS_SHOWN));
        });
    }

    FreshPage<CourseView> courses(UUID instructorId, int page, int size) {
        return reads.read(snapshot -> {
            List<CourseView> all = courseViews(instructorId);
            int from = Math.min(all.size(), page * size);
            int to = Math.min(all.size(), from + size);
            return FreshPage.of(PageView.of(all.subList(from, to), page, size, all.size()), snapshot.asOf());
        });
    }

    /** Every course, for the CSV export; with the freshness of the snapshot. */
    FreshPage<CourseView> allCourses(UUID instructorId) {
        return reads.read(snapshot -> FreshPage.of(PageView.all(courseViews(instructorId)), snapshot.asOf()));
    }

    private List<CourseView> courseViews(UUID instructorId) {
        List<CourseInfo> own = courses.coursesOf(instructorId);
        List<UUID> ids = own.stream().map(CourseInfo::courseId).toList();
        Map<UUID, LearningService.CourseLearning> learningByCourse = learning.courseLearning(ids).stream()
                .collect(Collectors.toMap(LearningService.CourseLearning::courseId, Function.identity()));
        Map<UUID, List<MoneyFigures>> money = sales.byCourse(instructorId).stream()
                .collect(Collectors.groupingBy(SalesService.CourseMoney::courseId,
                        Collectors.mapping(SalesService.CourseMoney::figures, Collectors.toList())));
        List<CourseView> views = new ArrayList<>();
        for (CourseInfo course : own) {
            if (course.status() == null) {
                continue;   // named by a sale or an enrollment, not yet described by the catalog
            }
            LearningService.CourseLearning figures = learningByCourse.getOrDefault(course.courseId(),
                    new LearningService.CourseLearning(course.courseId(), 0, 0, 0));
            views.add(new CourseView(course.courseId(), course.title(), course.status(), course.category(),
                    course.priceAmount(), course.priceCurrency(), course.firstPublishedAt(), figures.enrollments(),
                    figures.completed(), figures.enrollments() == 0 ? null
                            : round((double) figures.completed() / figures.enrollments(), 4),
                    figures.revoked(), course.ratingAverage(), course.ratingCount(),
                    money.getOrDefault(course.courseId(), List.of())));
        }
        return views;
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
