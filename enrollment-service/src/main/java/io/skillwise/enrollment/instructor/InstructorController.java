package io.skillwise.enrollment.instructor;

import io.skillwise.kit.web.PageView;
import io.skillwise.kit.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
class InstructorController {

    private final InstructorService instructors;

    InstructorController(InstructorService instructors) {
        this.instructors = instructors;
    }

    @GetMapping("/api/v1/instructors/courses/{id}/students")
    PageView<StudentView> students(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "20") int size) {
        return instructors.students(id, CurrentUser.require(), page, size);
    }
}
