package io.skillwise.catalog.content;

import io.skillwise.catalog.CatalogApi;
import io.skillwise.catalog.CatalogApi.Courses;
import io.skillwise.testsupport.TestUser;

import java.util.Map;

/** A published course of one module with a preview lesson (files for anyone) and a locked one (learners only). */
record CourseWithLessons(String courseId, String module, String previewLesson, String lockedLesson) {

    static CourseWithLessons publish(CatalogApi api, TestUser owner, String title) {
        String courseId = api.post("/courses", owner, Courses.draft(title)).id();
        String module = api.post("/courses/" + courseId + "/modules", owner, Map.of("title", "M")).id();
        String preview = api.post("/modules/" + module + "/lessons", owner, Courses.lesson("Intro", true)).id();
        String locked = api.post("/modules/" + module + "/lessons", owner, Courses.lesson("Deep dive", false)).id();
        api.post("/courses/" + courseId + "/publish", owner, null);
        return new CourseWithLessons(courseId, module, preview, locked);
    }
}
