package io.skillwise.catalog.course;

import io.skillwise.kit.web.PageView;
import io.skillwise.catalog.course.CourseRequests.CreateLessonRequest;
import io.skillwise.catalog.course.CourseRequests.CreateModuleRequest;
import io.skillwise.catalog.course.CourseRequests.UpdateLessonRequest;
import io.skillwise.catalog.course.CourseRequests.UpdateModuleRequest;
import io.skillwise.catalog.course.CourseViews.LessonView;
import io.skillwise.catalog.course.CourseViews.ModuleView;
import io.skillwise.kit.security.CurrentUser;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Modules and lessons, at the contract's paths. */
@RestController
@RequestMapping("/api/v1")
class CurriculumController {

    private final CurriculumService curriculum;

    CurriculumController(CurriculumService curriculum) {
        this.curriculum = curriculum;
    }

    @PostMapping("/courses/{courseId}/modules")
    @ResponseStatus(HttpStatus.CREATED)
    ModuleView addModule(@PathVariable UUID courseId, @Valid @RequestBody CreateModuleRequest request) {
        return curriculum.addModule(courseId, request, CurrentUser.require());
    }

    @GetMapping("/courses/{courseId}/modules")
    PageView<ModuleView> modules(@PathVariable UUID courseId) {
        return PageView.all(curriculum.modules(courseId, CurrentUser.find()));
    }

    @PatchMapping("/modules/{id}")
    ModuleView updateModule(@PathVariable UUID id, @Valid @RequestBody UpdateModuleRequest request) {
        return curriculum.updateModule(id, request, CurrentUser.require());
    }

    @DeleteMapping("/modules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteModule(@PathVariable UUID id) {
        curriculum.deleteModule(id, CurrentUser.require());
    }

    @PostMapping("/modules/{moduleId}/lessons")
    @ResponseStatus(HttpStatus.CREATED)
    LessonView addLesson(@PathVariable UUID moduleId, @Valid @RequestBody CreateLessonRequest request) {
        return curriculum.addLesson(moduleId, request, CurrentUser.require());
    }

    @GetMapping("/modules/{moduleId}/lessons")
    PageView<?> lessons(@PathVariable UUID moduleId) {
        return PageView.all(curriculum.lessons(moduleId, CurrentUser.find()));
    }

    @GetMapping("/lessons/{id}")
    LessonView lesson(@PathVariable UUID id) {
        return curriculum.lesson(id, CurrentUser.find());
    }

    @PatchMapping("/lessons/{id}")
    LessonView updateLesson(@PathVariable UUID id, @Valid @RequestBody UpdateLessonRequest request) {
        return curriculum.updateLesson(id, request, CurrentUser.require());
    }

    @DeleteMapping("/lessons/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteLesson(@PathVariable UUID id) {
        curriculum.deleteLesson(id, CurrentUser.require());
    }
}
