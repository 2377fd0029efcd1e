-- Dripped lessons and deadlines counted from each learner's enrollment (LessonOutline.availableAfterDays /
-- dueAfterDays), next to the absolute available_at / due_at. A lesson uses one or the other for each end.
ALTER TABLE lesson
    ADD COLUMN available_after_days integer CHECK (available_after_days >= 0),
    ADD COLUMN due_after_days       integer CHECK (due_after_days >= 0),
    ADD CONSTRAINT lesson_schedule_absolute_or_relative
        CHECK ((available_at IS NULL OR available_after_days IS NULL) AND (due_at IS NULL OR due_after_days IS NULL));
