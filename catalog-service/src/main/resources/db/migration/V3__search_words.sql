-- Search without trigram scans of the course table (the ranking is documented on CourseSearchRepository):
--  * a misspelt or partial word is corrected against search_word, the distinct words of every course's search
--    document (a few thousand rows where the course table has 100,000), and the listing then runs as a full-text
--    query again;
--  * the full-text index also holds the category, so "keyword in a category" is one index scan.

CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- The words of a course's search document as they are written (lower case, not stemmed): what a typed word is
-- compared with. Same fields as search_vector.
CREATE FUNCTION catalog_document_words(title text, subtitle text, tags text[], description text,
                                       instructor_name text, category_name text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN tsvector_to_array(to_tsvector('simple'::regconfig,
        coalesce(title, '') || ' ' || coalesce(subtitle, '') || ' ' || catalog_join_words(tags) || ' '
            || coalesce(description, '') || ' ' || coalesce(instructor_name, '') || ' ' || coalesce(category_name, '')));

-- Every word of any course's search document, with the number of courses using it (a word no course uses any more
-- goes away; frequent words win ties when a typed word is corrected).
CREATE TABLE search_word (
    word    text PRIMARY KEY,
    courses integer NOT NULL
);

CREATE INDEX search_word_trgm_idx ON search_word USING gin (word gin_trgm_ops);

-- Keeps search_word in step with the course table, whatever statement changes a search document (course edits,
-- instructor names from identity events, category renames, bulk loads). Statement-level with transition tables, so a
-- bulk insert counts its words once; the upsert runs in word order, so concurrent changes lock words in the same order.
CREATE FUNCTION catalog_count_search_words() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    words  text[];
    deltas integer[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(word ORDER BY word), array_agg(n ORDER BY word) INTO words, deltas
        FROM (SELECT word, count(*)::integer AS n FROM new_rows c,
                  unnest(catalog_document_words(c.title, c.subtitle, c.tags, c.description, c.instructor_name,
                                                c.category_name)) AS word
              GROUP BY word) counted;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(word ORDER BY word), array_agg(-n ORDER BY word) INTO words, deltas
        FROM (SELECT word, count(*)::integer AS n FROM old_rows c,
                  unnest(catalog_document_words(c.title, c.subtitle, c.tags, c.description, c.instructor_name,
                                                c.category_name)) AS word
              GROUP BY word) counted;
    ELSE
        -- most updates (ratings, enrollment counts, status) leave the document alone: only changed documents count
        SELECT array_agg(word ORDER BY word), array_agg(n ORDER BY word) INTO words, deltas
        FROM (SELECT word, sum(n)::integer AS n
              FROM (SELECT catalog_document_words(o.title, o.subtitle, o.tags, o.description, o.instructor_name,
                                                  o.category_name) AS before,
                           catalog_document_words(c.title, c.subtitle, c.tags, c.description, c.instructor_name,
                                                  c.category_name) AS after
                    FROM old_rows o JOIN new_rows c ON c.id = o.id
                    WHERE (o.title, o.subtitle, o.tags, o.description, o.instructor_name, o.category_name)
                          IS DISTINCT FROM (c.title, c.subtitle, c.tags, c.description, c.instructor_name,
                                            c.category_name)) changed,
                   LATERAL (SELECT unnest(changed.before), -1 UNION ALL SELECT unnest(changed.after), 1) AS d(word, n)
              GROUP BY word
              HAVING sum(n) <> 0) counted;
    END IF;
    IF words IS NULL THEN
        RETURN NULL;
    END IF;
    INSERT INTO search_word AS w (word, courses)
    SELECT word, delta FROM unnest(words, deltas) AS d(word, delta) ORDER BY word
    ON CONFLICT (word) DO UPDATE SET courses = w.courses + excluded.courses;
    DELETE FROM search_word WHERE word = ANY (words) AND courses <= 0;
    RETURN NULL;
END;
$$;

CREATE TRIGGER course_search_words_inserted AFTER INSERT ON course
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_count_search_words();
CREATE TRIGGER course_search_words_updated AFTER UPDATE ON course
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_count_search_words();
CREATE TRIGGER course_search_words_deleted AFTER DELETE ON course
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_count_search_words();

INSERT INTO search_word (word, courses)
SELECT word, count(*) FROM course c,
    unnest(catalog_document_words(c.title, c.subtitle, c.tags, c.description, c.instructor_name, c.category_name)) AS word
GROUP BY word;

-- Full text and category in one GIN index (btree_gin): "keyword in a category" intersects inside the index instead
-- of fetching every course with the keyword. It serves keyword-only searches as well, so it replaces the old index.
CREATE INDEX course_search_category_idx ON course USING gin (search_vector, category_id);
DROP INDEX course_search_vector_idx;

-- Typos are no longer matched against the courses themselves.
DROP INDEX course_search_text_trgm_idx;
ALTER TABLE course DROP COLUMN search_text;
