package io.skillwise.catalog.content;

import io.skillwise.catalog.Courses;
import io.skillwise.testsupport.ApiClient;
import io.skillwise.testsupport.TestUser;

import java.util.Map;

/** A published course of one module with a preview lesson (files for anyone) and a locked one (learners only). */
record CourseWithLessons(String courseId, String module, String previewLesson, String lockedLesson) {

    static CourseWithLessons publish(ApiClient api, TestUser owner, String title) {
        String courseId = api.as(owner).post("/courses", Courses.draft(title)).id();
        String module = api.as(owner).post("/courses/" + courseId + "/modules", Map.of("title", "M")).id();
        String preview = api.as(owner).post("/modules/" + module + "/lessons", Courses.lesson("Intro", true)).id();
        String locked = api.as(owner).post("/modules/" + module + "/lessons", Courses.lesson("Deep dive", false)).id();
        api.as(owner).post("/courses/" + courseId + "/publish", null);
        return new CourseWithLessons(courseId, module, preview, locked);
    }
}
