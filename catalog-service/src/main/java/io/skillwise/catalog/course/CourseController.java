package io.skillwise.catalog.course;

import io.skillwise.catalog.common.HttpCaching;
import io.skillwise.catalog.course.CourseRequests.CreateCourseRequest;
import io.skillwise.catalog.course.CourseRequests.UnpublishRequest;
import io.skillwise.catalog.course.CourseRequests.UpdateCourseRequest;
import io.skillwise.catalog.course.CourseViews.CourseView;
import io.skillwise.kit.security.CurrentUser;
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

@RestController
@RequestMapping("/api/v1/courses")
class CourseController {

    private final CourseService courses;

    CourseController(CourseService courses) {
        this.courses = courses;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('instructor', 'admin')")
    ResponseEntity<CourseView> create(@Valid @RequestBody CreateCourseRequest request) {
        CourseView created = courses.create(request, CurrentUser.require());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(created);
    }

    @GetMapping("/{id}")
    ResponseEntity<CourseView> get(@PathVariable UUID id) {
        return HttpCaching.browsing(courses.get(id, CurrentUser.find()));
    }

    @PatchMapping("/{id}")
    CourseView update(@PathVariable UUID id, @Valid @RequestBody UpdateCourseRequest request) {
        return courses.update(id, request, CurrentUser.require());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        courses.delete(id, CurrentUser.require());
    }

    @PostMapping("/{id}/publish")
    CourseView publish(@PathVariable UUID id) {
        return courses.publish(id, CurrentUser.require());
    }

    @PostMapping("/{id}/unpublish")
    CourseView unpublish(@PathVariable UUID id, @Valid @RequestBody(required = false) UnpublishRequest request) {
        return courses.unpublish(id, request == null ? null : request.reason(), CurrentUser.require());
    }

    @PostMapping("/{id}/archive")
    CourseView archive(@PathVariable UUID id) {
        return courses.archive(id, CurrentUser.require());
    }
}
