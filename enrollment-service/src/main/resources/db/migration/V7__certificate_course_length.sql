-- The course's length when the certificate was issued (the sum of its lessons' expected lengths), printed on it;
-- null when the instructor gave no lesson a length, or for certificates issued before this was recorded.
alter table certificate add column course_length_seconds bigint;
