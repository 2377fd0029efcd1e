package io.skillwise.enrollment.instructor;

import io.skillwise.kit.security.OwnedObject;
import io.skillwise.kit.web.PageView;
import io.skillwise.kit.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@Tag(name = "Instructor dashboards", description = "Instructors' view of the learners of their courses")
@RestController
class InstructorController {

    private final InstructorService instructors;

    InstructorController(InstructorService instructors) {
        this.instructors = instructors;
    }

    @Operation(summary = "Learners of a course",
            description = "The course's instructor or an admin sees each learner's progress, quiz results and time "
                    + "spent. Changes nothing.")
    @ApiResponse(responseCode = "400",
            description = "`validation` or `bad-request`: page below 0, size outside 1 to 100, a sort the list does "
                    + "not take")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such course")
    @ApiResponse(responseCode = "403", description = "`forbidden`: the course is another instructor's")
    @OwnedObject("the course's instructor, or an admin")
    @GetMapping("/api/v1/instructors/courses/{id}/students")
    PageView<StudentView> students(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "20") int size) {
        return instructors.students(id, CurrentUser.require(), page, size);
    }
}
