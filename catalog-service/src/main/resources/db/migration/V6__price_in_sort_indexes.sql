-- Listing at scale (docs/catalog.md, "Listing, totals and deep pages"): the price INCLUDEd in the sort indexes.
--
-- A keyword with a price range and many matches is listed by walking the sort's index (of the category, or of the
-- whole catalog): with the price INCLUDEd, the walk checks the price on the index entry and looks up only the courses
-- within the range to check the keyword (search/ListingSql), where it read the table row of every entry. (The price
-- sort's indexes have the price as their first key already.) A price range without a keyword, listed by popularity,
-- rating or newest, is then read from the index alone too.
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
