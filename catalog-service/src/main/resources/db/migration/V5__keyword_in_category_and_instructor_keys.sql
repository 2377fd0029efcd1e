-- Narrow listings (docs/catalog.md, "Listing, totals and deep pages"): a keyword within a category, and an
-- instructor's own list.
--
-- A keyword in a category was found through the btree_gin index (search_vector, category_id). btree_gin answers
-- every comparison, equality included, as a partial-match scan, and GIN collects the entries of a partial match into
-- a bitmap before it intersects them with the word: each such search read all of the category's entries (16,000 at
-- 100,000 courses, 166,000 at 1,000,000: 55-110 ms for one statement on a busy machine, with only ~100 index pages).
-- Here the category becomes one more lexeme of the document instead, so a search is one full-text query of two exact
-- lexemes whose posting lists GIN intersects directly (9 ms for 13,000 matches at 1,000,000 courses). The lexeme starts with '#', which the text search
-- parser never puts at the start of a word, so no typed word, prefix searches included, can match it.
CREATE FUNCTION catalog_category_lexeme(category uuid) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN category IS NULL THEN ''::tsvector ELSE array_to_tsvector(ARRAY['#category:' || category]) END;

-- The query side: any of the given categories (a category and its sub-categories), as a tsquery.
CREATE FUNCTION catalog_categories_query(categories uuid[]) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (SELECT string_agg(quote_literal('#category:' || category), ' | ') FROM unnest(categories) AS category)::tsquery;

-- Not partial, so that ANALYZE keeps statistics of the expression (the planner's estimate of a word in a category
-- comes from them).
CREATE INDEX course_search_in_category_idx ON course
    USING gin ((search_vector || catalog_category_lexeme(category_id)));

-- An instructor's own list reads all of the instructor's courses once (up to 1,000 of them are counted exactly) and
-- sorts the page from them: with the sort keys of every sort INCLUDEd, that read is an index-only scan instead of one
-- table page per course.
CREATE INDEX course_published_instructor_keys_idx ON course (instructor_id)
    INCLUDE (id, enrollment_count, rating_average, rating_count, published_at, created_at, price_amount)
    WHERE status = 'PUBLISHED';

-- The shared index goes: searches within a category use the index above, a keyword alone (or a keyword while a page
-- walks a category's sort index) a plain GIN index on the document, as before V3.
CREATE INDEX course_search_vector_idx ON course USING gin (search_vector);
DROP INDEX course_search_category_idx;
