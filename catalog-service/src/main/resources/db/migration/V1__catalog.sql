-- catalog-service: categories, courses and their curriculum, with the search columns of the listing.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE category (
    id        uuid PRIMARY KEY,
    parent_id uuid REFERENCES category (id),
    slug      varchar(80)  NOT NULL UNIQUE,
    name      varchar(120) NOT NULL,
    position  integer      NOT NULL DEFAULT 0
);

CREATE INDEX category_parent_idx ON category (parent_id);

INSERT INTO category (id, parent_id, slug, name, position) VALUES
    ('0b7a3c1e-2f4d-4c55-9a11-000000000001', NULL, 'development', 'Development', 0),
    ('0b7a3c1e-2f4d-4c55-9a11-000000000002', NULL, 'business', 'Business', 1),
    ('0b7a3c1e-2f4d-4c55-9a11-000000000003', NULL, 'design', 'Design', 2),
    ('0b7a3c1e-2f4d-4c55-9a11-000000000004', NULL, 'data-science', 'Data Science', 3),
    ('0b7a3c1e-2f4d-4c55-9a11-000000000005', NULL, 'marketing', 'Marketing', 4),
    ('0b7a3c1e-2f4d-4c55-9a11-000000000006', NULL, 'personal-development', 'Personal Development', 5);

-- array_to_string is only STABLE; for text[] it is immutable in practice, which a generated column needs.
CREATE FUNCTION catalog_join_words(words text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN coalesce(array_to_string(words, ' '), '');

CREATE TABLE course (
    id               uuid PRIMARY KEY,
    instructor_id    uuid         NOT NULL,
    instructor_name  varchar(200),
    title            varchar(200) NOT NULL,
    subtitle         varchar(300),
    description      text         NOT NULL,
    category_id      uuid REFERENCES category (id),
    category_name    varchar(120), -- copied from category, for the search document
    level            varchar(20)  NOT NULL,
    language         varchar(35)  NOT NULL,
    free             boolean      NOT NULL DEFAULT false,
    price_amount     bigint CHECK (price_amount >= 0),
    price_currency   char(3),
    objectives       text[]       NOT NULL DEFAULT '{}',
    requirements     text[]       NOT NULL DEFAULT '{}',
    tags             text[]       NOT NULL DEFAULT '{}',
    thumbnail_url    varchar(1000),
    intro_video_url  varchar(1000),
    status           varchar(20)  NOT NULL,
    rating_average   numeric(3, 2) NOT NULL DEFAULT 0,
    rating_count     integer      NOT NULL DEFAULT 0,
    rating_as_of     timestamptz,  -- occurredAt of the CourseRatingChanged applied last
    enrollment_count integer      NOT NULL DEFAULT 0,
    revision         bigint       NOT NULL DEFAULT 0,
    ever_published   boolean      NOT NULL DEFAULT false,
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    published_at     timestamptz,
    -- Full-text search document, weighted: title A; subtitle and tags B; description, instructor name and category
    -- name C (the ranking is documented on CourseSearchRepository).
    search_vector    tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, title), 'A')
            || setweight(to_tsvector('english'::regconfig, coalesce(subtitle, '')), 'B')
            || setweight(to_tsvector('english'::regconfig, catalog_join_words(tags)), 'B')
            || setweight(to_tsvector('english'::regconfig, description), 'C')
            || setweight(to_tsvector('simple'::regconfig, coalesce(instructor_name, '')), 'C')
            || setweight(to_tsvector('english'::regconfig, coalesce(category_name, '')), 'C')) STORED,
    -- What trigram matching (typos, partial words) compares the query with.
    search_text      text GENERATED ALWAYS AS (
        lower(title || ' ' || coalesce(subtitle, '') || ' ' || catalog_join_words(tags) || ' '
            || coalesce(instructor_name, ''))) STORED,
    CONSTRAINT course_price_currency CHECK ((price_amount IS NULL) = (price_currency IS NULL))
);

CREATE INDEX course_search_vector_idx ON course USING gin (search_vector);
CREATE INDEX course_search_text_trgm_idx ON course USING gin (search_text gin_trgm_ops);
CREATE INDEX course_instructor_idx ON course (instructor_id);
CREATE INDEX course_category_idx ON course (category_id);
CREATE INDEX course_published_popularity_idx ON course (enrollment_count DESC, id) WHERE status = 'PUBLISHED';
CREATE INDEX course_published_rating_idx ON course (rating_average DESC, rating_count DESC, id) WHERE status = 'PUBLISHED';
CREATE INDEX course_published_newest_idx ON course (published_at DESC, id) WHERE status = 'PUBLISHED';
CREATE INDEX course_published_price_idx ON course ((coalesce(price_amount, 0)), id) WHERE status = 'PUBLISHED';

CREATE TABLE course_module (
    id        uuid PRIMARY KEY,
    course_id uuid         NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    title     varchar(200) NOT NULL,
    position  integer      NOT NULL CHECK (position >= 0),
    -- deferred: moving a module shifts its neighbours in one statement
    CONSTRAINT course_module_position_unique UNIQUE (course_id, position) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE lesson (
    id               uuid PRIMARY KEY,
    module_id        uuid         NOT NULL REFERENCES course_module (id) ON DELETE CASCADE,
    course_id        uuid         NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    title            varchar(200) NOT NULL,
    type             varchar(20)  NOT NULL,
    body             text,
    duration_seconds integer CHECK (duration_seconds >= 0),
    preview          boolean      NOT NULL DEFAULT false,
    available_at     timestamptz,
    due_at           timestamptz,
    quiz             jsonb,
    position         integer      NOT NULL CHECK (position >= 0),
    CONSTRAINT lesson_position_unique UNIQUE (module_id, position) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT lesson_quiz_only_for_quizzes CHECK ((type = 'QUIZ') = (quiz IS NOT NULL))
);

CREATE INDEX lesson_course_idx ON lesson (course_id);

-- Replicas of other services' facts (ARCHITECTURE §2): kept from their events, never read from their stores.

-- Enrollments (enrollment.enrollment.v1): who may open non-preview lessons, the enrolled filter and the
-- popularity count. One row per enrollment; events may arrive in any order, so each fact only sets its own flag.
CREATE TABLE enrollment_replica (
    enrollment_id     uuid PRIMARY KEY,
    course_id         uuid        NOT NULL,
    student_id        uuid        NOT NULL,
    enrolled          boolean     NOT NULL DEFAULT false, -- StudentEnrolled seen
    revoked           boolean     NOT NULL DEFAULT false, -- EnrollmentRevoked seen: final
    suspended         boolean     NOT NULL DEFAULT false, -- last of EnrollmentSuspended / EnrollmentRestored
    suspension_as_of  timestamptz
);

CREATE INDEX enrollment_replica_active_idx ON enrollment_replica (course_id, student_id)
    WHERE enrolled AND NOT revoked AND NOT suspended;

-- Display names of instructors (identity.user.v1), for listings and search.
CREATE TABLE instructor_replica (
    user_id      uuid PRIMARY KEY,
    display_name varchar(200) NOT NULL,
    as_of        timestamptz  NOT NULL
);

-- Uploaded lesson content (videos, documents, attachments); the bytes live in the AssetStorage under storage_key.
CREATE TABLE lesson_asset (
    id           uuid PRIMARY KEY,
    lesson_id    uuid          NOT NULL REFERENCES lesson (id) ON DELETE CASCADE,
    course_id    uuid          NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    kind         varchar(20)   NOT NULL,
    file_name    varchar(255)  NOT NULL,
    content_type varchar(100)  NOT NULL,
    size         bigint        NOT NULL CHECK (size >= 0),
    storage_key  varchar(300)  NOT NULL UNIQUE,
    created_at   timestamptz   NOT NULL
);

CREATE INDEX lesson_asset_lesson_idx ON lesson_asset (lesson_id);
