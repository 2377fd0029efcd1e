-- Listing at scale (docs/catalog.md, "Listing, totals and deep pages"): the price INCLUDEd in the sort indexes.
--
-- A price range listed by popularity, rating or newest walks the sort's index and checks the price of each entry
-- (a 1,000-wide range is one course in twenty): with the price INCLUDEd that check is made on the index entry, an
-- index-only scan, where it read the table row of every entry. (The price sort's indexes have the price as their
-- first key already.)
DROP INDEX course_published_popularity_idx;
DROP INDEX course_published_category_popularity_idx;
DROP INDEX course_published_rating_idx;
DROP INDEX course_published_category_rating_idx;
DROP INDEX course_published_newest_idx;
DROP INDEX course_published_category_newest_idx;

CREATE INDEX course_published_popularity_idx ON course (enrollment_count DESC, id DESC) INCLUDE (price_amount)
    WHERE status = 'PUBLISHED';
CREATE INDEX course_published_category_popularity_idx ON course (category_id, enrollment_count DESC, id DESC)
    INCLUDE (price_amount)
    WHERE status = 'PUBLISHED';
CREATE INDEX course_published_rating_idx ON course (rating_average DESC, rating_count DESC, enrollment_count DESC, id DESC)
    INCLUDE (price_amount)
    WHERE status = 'PUBLISHED';
CREATE INDEX course_published_category_rating_idx
    ON course (category_id, rating_average DESC, rating_count DESC, enrollment_count DESC, id DESC)
    INCLUDE (price_amount)
    WHERE status = 'PUBLISHED';
CREATE INDEX course_published_newest_idx
    ON course ((coalesce(published_at, 'infinity'::timestamptz)) DESC, created_at DESC, id DESC)
    INCLUDE (published_at, price_amount)
    WHERE status = 'PUBLISHED';
CREATE INDEX course_published_category_newest_idx
    ON course (category_id, (coalesce(published_at, 'infinity'::timestamptz)) DESC, created_at DESC, id DESC)
    INCLUDE (published_at, price_amount)
    WHERE status = 'PUBLISHED';
