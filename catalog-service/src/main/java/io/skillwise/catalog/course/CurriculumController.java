package io.skillwise.catalog.course;

import io.skillwise.kit.security.OwnedObject;
import io.skillwise.kit.web.PageView;
import io.skillwise.catalog.course.CourseRequests.CreateLessonRequest;
import io.skillwise.catalog.course.CourseRequests.CreateModuleRequest;
import io.skillwise.catalog.course.CourseRequests.UpdateLessonRequest;
import io.skillwise.catalog.course.CourseRequests.UpdateModuleRequest;
import io.skillwise.catalog.course.CourseViews.LessonView;
import io.skillwise.catalog.course.CourseViews.ModuleView;
import io.skillwise.kit.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Curriculum", description = "Modules and lessons of a course")
@RestController
@RequestMapping("/api/v1")
class CurriculumController {

    private final CurriculumService curriculum;

    CurriculumController(CurriculumService curriculum) {
        this.curriculum = curriculum;
    }

    @Operation(summary = "Add a module",
            description = "The course's instructor or an admin appends (or inserts at position) a module; a "
                    + "published course publishes CourseUpdated.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such course, or a draft the caller may not see")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the course is another instructor's")
    @OwnedObject("the course's instructor, or an admin")
    @PostMapping("/courses/{courseId}/modules")
    @ResponseStatus(HttpStatus.CREATED)
    ModuleView addModule(@PathVariable UUID courseId, @Valid @RequestBody CreateModuleRequest request) {
        return curriculum.addModule(courseId, request, CurrentUser.require());
    }

    @Operation(summary = "List a course's modules",
            description = "Public for published courses; for drafts, their instructor and admins. Changes nothing.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such course, or a draft the caller may not see")
    @GetMapping("/courses/{courseId}/modules")
    PageView<ModuleView> modules(@PathVariable UUID courseId) {
        return PageView.all(curriculum.modules(courseId, CurrentUser.find()));
    }

    @Operation(summary = "Change a module",
            description = "Renames or moves a module; the course's instructor or an admin. A published course "
                    + "publishes CourseUpdated.")
    @ApiResponse(responseCode = "404",
            description = "`not-found`: no such module, or one of a course the caller may not see")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the course is another instructor's")
    @OwnedObject("the course's instructor, or an admin")
    @PatchMapping("/modules/{id}")
    ModuleView updateModule(@PathVariable UUID id, @Valid @RequestBody UpdateModuleRequest request) {
        return curriculum.updateModule(id, request, CurrentUser.require());
    }

    @Operation(summary = "Delete a module",
            description = "Deletes a module with its lessons; the course's instructor or an admin. A published "
                    + "course publishes CourseUpdated and the removed lessons leave learners' progress.")
    @ApiResponse(responseCode = "404",
            description = "`not-found`: no such module, or one of a course the caller may not see")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the course is another instructor's")
    @ApiResponse(responseCode = "409",
            description = "`conflict`: a published course would be left without a module with a lesson")
    @OwnedObject("the course's instructor, or an admin")
    @DeleteMapping("/modules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteModule(@PathVariable UUID id) {
        curriculum.deleteModule(id, CurrentUser.require());
    }

    @Operation(summary = "Add a lesson",
            description = "The course's instructor or an admin adds a lesson (video, article, quiz...) to a module; "
                    + "a published course publishes CourseUpdated.")
    @ApiResponse(responseCode = "400",
            description = "`validation` or `bad-request`: a rule of the lesson (its kind and content)")
    @ApiResponse(responseCode = "404",
            description = "`not-found`: no such module, or one of a course the caller may not see")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the course is another instructor's")
    @OwnedObject("the course's instructor, or an admin")
    @PostMapping("/modules/{moduleId}/lessons")
    @ResponseStatus(HttpStatus.CREATED)
    LessonView addLesson(@PathVariable UUID moduleId, @Valid @RequestBody CreateLessonRequest request) {
        return curriculum.addLesson(moduleId, request, CurrentUser.require());
    }

    @Operation(summary = "List a module's lessons",
            description = "Public: titles, kinds and durations; content only for preview lessons, enrolled "
                    + "learners, the instructor and admins. Changes nothing.")
    @ApiResponse(responseCode = "404",
            description = "`not-found`: no such module, or one of a course the caller may not see")
    @GetMapping("/modules/{moduleId}/lessons")
    PageView<?> lessons(@PathVariable UUID moduleId) {
        return PageView.all(curriculum.lessons(moduleId, CurrentUser.find()));
    }

    @Operation(summary = "Read a lesson",
            description = "Preview lessons are public; others are for enrolled learners, the course's instructor "
                    + "and admins. Changes nothing.")
    @ApiResponse(responseCode = "404",
            description = "`not-found`: no such lesson, or one of a course the caller may not see")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the lesson is open to enrolled learners only")
    @GetMapping("/lessons/{id}")
    LessonView lesson(@PathVariable UUID id) {
        return curriculum.lesson(id, CurrentUser.find());
    }

    @Operation(summary = "Change a lesson",
            description = "The course's instructor or an admin changes a lesson or moves it; a published course "
                    + "publishes CourseUpdated.")
    @ApiResponse(responseCode = "400", description = "`validation` or `bad-request`: a rule of the lesson")
    @ApiResponse(responseCode = "404",
            description = "`not-found`: no such lesson, or one of a course the caller may not see")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the course is another instructor's")
    @OwnedObject("the course's instructor, or an admin")
    @PatchMapping("/lessons/{id}")
    LessonView updateLesson(@PathVariable UUID id, @Valid @RequestBody UpdateLessonRequest request) {
        return curriculum.updateLesson(id, request, CurrentUser.require());
    }

    @Operation(summary = "Delete a lesson",
            description = "The course's instructor or an admin deletes a lesson; a published course publishes "
                    + "CourseUpdated.")
    @ApiResponse(responseCode = "404",
            description = "`not-found`: no such lesson, or one of a course the caller may not see")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the course is another instructor's")
    @ApiResponse(responseCode = "409", description = "`conflict`: a published course would be left without a lesson")
    @OwnedObject("the course's instructor, or an admin")
    @DeleteMapping("/lessons/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteLesson(@PathVariable UUID id) {
        curriculum.deleteLesson(id, CurrentUser.require());
    }
}
