-- Listing at scale (docs/catalog.md, "Listing, totals and deep pages"): every sort of GET /courses reads its page from
-- an index in exactly its ORDER BY, for the whole catalog and within a category, and stops after the page.
--
-- The sort keys (search/ListingOrder) are all in one direction and never null, and end with the id, so that
--  * the index walked forwards serves the natural direction and walked backwards ",asc"/",desc" (the whole order
--    reversed, tie-breakers included);
--  * a page can start after the last row of the page before with one row comparison (keyset paging), which the
--    index answers as a range.
-- The old indexes ended with "id" ascending under a descending key, and the listing also ordered by NULLS LAST,
-- created_at and popularity, so no index matched and every page sorted all matches.

DROP INDEX course_published_popularity_idx;
DROP INDEX course_published_rating_idx;
DROP INDEX course_published_newest_idx;
DROP INDEX course_published_price_idx;

-- popularity: enrollments, id
CREATE INDEX course_published_popularity_idx ON course (enrollment_count DESC, id DESC)
    WHERE status = 'PUBLISHED';
CREATE INDEX course_published_category_popularity_idx ON course (category_id, enrollment_count DESC, id DESC)
    WHERE status = 'PUBLISHED';

-- rating: average, number of ratings, enrollments, id
CREATE INDEX course_published_rating_idx ON course (rating_average DESC, rating_count DESC, enrollment_count DESC, id DESC)
    WHERE status = 'PUBLISHED';
CREATE INDEX course_published_category_rating_idx
    ON course (category_id, rating_average DESC, rating_count DESC, enrollment_count DESC, id DESC)
    WHERE status = 'PUBLISHED';

-- newest: publication time (a course never published counts as newest: only its owner and admins list it), creation
-- time, id. The columns under an expression are INCLUDEd so that the planner can read pages (and skip the entries
-- before a deep offset) from the index alone.
CREATE INDEX course_published_newest_idx
    ON course ((coalesce(published_at, 'infinity'::timestamptz)) DESC, created_at DESC, id DESC) INCLUDE (published_at)
    WHERE status = 'PUBLISHED';
CREATE INDEX course_published_category_newest_idx
    ON course (category_id, (coalesce(published_at, 'infinity'::timestamptz)) DESC, created_at DESC, id DESC)
    INCLUDE (published_at)
    WHERE status = 'PUBLISHED';

-- price: cheapest first, then the most enrolled (negated, so every key ascends), id
CREATE INDEX course_published_price_idx ON course ((coalesce(price_amount, 0)), (-enrollment_count), id)
    INCLUDE (price_amount, enrollment_count)
    WHERE status = 'PUBLISHED';
CREATE INDEX course_published_category_price_idx
    ON course (category_id, (coalesce(price_amount, 0)), (-enrollment_count), id)
    INCLUDE (price_amount, enrollment_count)
    WHERE status = 'PUBLISHED';

-- Admins list unpublished courses too, newest first by default.
CREATE INDEX course_unpublished_newest_idx
    ON course ((coalesce(published_at, 'infinity'::timestamptz)) DESC, created_at DESC, id DESC)
    WHERE status <> 'PUBLISHED';

-- A rare language is found through this index rather than by walking a sort index past every other course. The
-- planner takes no statistics from a partial index, so the expression gets its own: without them it takes every
-- language for rare, and lists a common one by reading and sorting all its courses.
CREATE INDEX course_published_language_idx ON course ((lower(language))) WHERE status = 'PUBLISHED';
CREATE STATISTICS course_language_stats ON (lower(language)) FROM course;
-- Likewise for price ranges (minPrice/maxPrice compare coalesce(price, 0)): with the statistics the planner knows a
-- range of a twentieth of the catalog from one of a thousandth, and walks the sort's index for the first.
CREATE STATISTICS course_price_stats ON (coalesce(price_amount, 0)) FROM course;

-- enrolled=true starts from the learner's own enrollments.
CREATE INDEX enrollment_replica_student_idx ON enrollment_replica (student_id, course_id)
    WHERE enrolled AND NOT revoked AND NOT suspended;
