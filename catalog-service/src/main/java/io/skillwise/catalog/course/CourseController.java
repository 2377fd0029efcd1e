package io.skillwise.catalog.course;

import io.skillwise.catalog.common.HttpCaching;
import io.skillwise.catalog.course.CourseRequests.CreateCourseRequest;
import io.skillwise.catalog.course.CourseRequests.UnpublishRequest;
import io.skillwise.catalog.course.CourseRequests.UpdateCourseRequest;
import io.skillwise.catalog.course.CourseViews.CourseView;
import io.skillwise.kit.security.CurrentUser;
import io.skillwise.kit.security.OwnedObject;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.UUID;

@Tag(name = "Courses", description = "Creating, editing, publishing and archiving courses")
@RestController
@RequestMapping("/api/v1/courses")
class CourseController {

    private final CourseService courses;

    CourseController(CourseService courses) {
        this.courses = courses;
    }

    @Operation(summary = "Create a course",
            description = "Instructors (and admins) create a draft course they own; no one else sees it until it is "
                    + "published. Publishes no event.")
    @ApiResponse(responseCode = "400",
            description = "`validation` or `bad-request`: a constraint of the body, an unknown category, a price "
                    + "that does not fit free or paid")
    @PostMapping
    @PreAuthorize("hasAnyRole('instructor', 'admin')")
    ResponseEntity<CourseView> create(@Valid @RequestBody CreateCourseRequest request) {
        CourseView created = courses.create(request, CurrentUser.require());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(created);
    }

    @Operation(summary = "Read a course",
            description = "Public for published courses; drafts and archived ones for their instructor and admins. "
                    + "Answers an ETag. Changes nothing.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such course, or a draft the caller may not see")
    @GetMapping("/{id}")
    ResponseEntity<CourseView> get(@PathVariable UUID id) {
        return HttpCaching.browsing(courses.get(id, CurrentUser.find()));
    }

    @Operation(summary = "Change a course",
            description = "The course's instructor or an admin changes its details, price or category; a published "
                    + "course publishes CourseUpdated naming what changed.")
    @ApiResponse(responseCode = "400",
            description = "`validation` or `bad-request`: a rule of the course (price, objectives of a published "
                    + "course, blank text)")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such course, or a draft the caller may not see")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the course is another instructor's")
    @OwnedObject("the course's instructor, or an admin")
    @PatchMapping("/{id}")
    CourseView update(@PathVariable UUID id, @Valid @RequestBody UpdateCourseRequest request) {
        return courses.update(id, request, CurrentUser.require());
    }

    @Operation(summary = "Delete a course",
            description = "The course's instructor or an admin deletes a course no learner is enrolled in; "
                    + "publishes CourseDeleted.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such course, or a draft the caller may not see")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the course is another instructor's")
    @ApiResponse(responseCode = "409", description = "`conflict`: learners are enrolled; archive it instead")
    @OwnedObject("the course's instructor, or an admin")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        courses.delete(id, CurrentUser.require());
    }

    @Operation(summary = "Publish a course",
            description = "The course's instructor or an admin makes a complete draft visible and purchasable "
                    + "(an instructor signed in with a second factor); publishes CoursePublished.")
    @ApiResponse(responseCode = "400",
            description = "`bad-request`: the course lacks what publishing needs (it names what)")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such course, or a draft the caller may not see")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the course is another instructor's; "
            + "`mfa-required`: an instructor signed in without a second factor")
    @ApiResponse(responseCode = "409",
            description = "`conflict`: already published, archived, or without a module with a lesson")
    @OwnedObject("the course's instructor, or an admin")
    @PostMapping("/{id}/publish")
    CourseView publish(@PathVariable UUID id) {
        return courses.publish(id, CurrentUser.require());
    }

    @Operation(summary = "Unpublish a course",
            description = "The instructor (or an admin, who must give a reason the instructor is told) takes a "
                    + "published course back to draft; enrolled learners keep access. Publishes "
                    + "CourseUnpublished.")
    @ApiResponse(responseCode = "400", description = "`bad-request`: an admin without a reason")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such course, or a draft the caller may not see")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the course is another instructor's")
    @ApiResponse(responseCode = "409", description = "`conflict`: the course is not published")
    @OwnedObject("the course's instructor, or an admin")
    @PostMapping("/{id}/unpublish")
    CourseView unpublish(@PathVariable UUID id, @Valid @RequestBody(required = false) UnpublishRequest request) {
        return courses.unpublish(id, request == null ? null : request.reason(), CurrentUser.require());
    }

    @Operation(summary = "Archive a course",
            description = "The instructor or an admin retires a course: no longer sold or listed, enrolled learners "
                    + "keep access. Publishes CourseUpdated.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such course, or a draft the caller may not see")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the course is another instructor's")
    @ApiResponse(responseCode = "409", description = "`conflict`: the course is already archived")
    @OwnedObject("the course's instructor, or an admin")
    @PostMapping("/{id}/archive")
    CourseView archive(@PathVariable UUID id) {
        return courses.archive(id, CurrentUser.require());
    }
}
