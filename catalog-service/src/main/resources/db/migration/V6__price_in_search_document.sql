-- Narrow searches (docs/catalog.md, "Listing, totals and deep pages"): a keyword with a price range, within a category
-- or not. The price used to be checked on the table row of every course of the word in the category (about 1,300 at
-- 100,000 courses, 13,000 at 1,000,000, one table page each), so a search read two to three times the rows it found.
-- Here the price becomes lexemes of the document too, like the category in V5, so GIN intersects word x category x
-- price range from its posting lists and only the courses that match are read from the table.
--
-- The price (cents, a free course 0) is written at seven scales, whole dollars up to millions of dollars:
-- '#price2:<cents / 100>', '#price3:<cents / 1000>', ... '#price8:<cents / 10^8>'. A range of prices is then a short
-- disjunction of such lexemes (search/PriceRange: the largest aligned blocks first, at most nine of a scale at either
-- end), which covers the range to the whole dollar; the range itself stays a condition on the row, so the cents at
-- its two ends are exact. Like the category's, the lexemes start with '#', which no typed word can.
CREATE FUNCTION catalog_price_lexemes(price bigint) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN array_to_tsvector(ARRAY(
        SELECT '#price' || scale || ':' || (coalesce(price, 0) / power(10, scale)::bigint)
        FROM generate_series(2, 8) AS scale));

-- The document of the keyword searches with a category or a price: the words, the category, the price. Not partial,
-- so that ANALYZE keeps statistics of the expression (the planner's estimate of a word in a category comes from
-- them).
CREATE INDEX course_search_document_idx ON course
    USING gin ((search_vector || catalog_category_lexeme(category_id) || catalog_price_lexemes(price_amount)));
DROP INDEX course_search_in_category_idx;

-- A keyword with a price range and many matches is listed by walking the sort's index (of the category, or of the
-- whole catalog): with the price INCLUDEd, the walk checks the price on the index entry and looks up only the courses
-- within the range to check the keyword (search/ListingSql), where it read the table row of every entry. (The price
-- sort's indexes have the price as their first key already.)
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
