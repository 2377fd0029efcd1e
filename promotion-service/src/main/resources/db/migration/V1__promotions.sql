-- Replica of the catalog's courses: what pricing and ownership checks need. Older snapshots are ignored (revision).
create table course (
    id             uuid primary key,
    instructor_id  uuid        not null,
    title          text        not null,
    status         text        not null,
    free           boolean     not null,
    price_amount   bigint,
    price_currency text,
    revision       bigint      not null,
    updated_at     timestamptz not null
);
create index course_by_instructor on course (instructor_id);

-- Replica of paid orders (CoursePurchased), one row per line: purchase history for first-purchase rules and the
-- revenue of campaigns.
create table purchase_line (
    order_id      uuid        not null,
    course_id     uuid        not null,
    buyer_id      uuid        not null,
    instructor_id uuid        not null,
    price         bigint      not null,
    discount      bigint      not null,
    paid          bigint      not null,
    currency      text        not null,
    purchased_at  timestamptz not null,
    primary key (order_id, course_id)
);
create index purchase_line_by_buyer on purchase_line (buyer_id);
create index purchase_line_by_course on purchase_line (course_id, purchased_at);

-- Replica of enrollments (StudentEnrolled), for campaign enrollment spikes.
create table enrollment_fact (
    enrollment_id uuid primary key,
    course_id     uuid        not null,
    student_id    uuid        not null,
    enrolled_at   timestamptz not null
);
create index enrollment_fact_by_course on enrollment_fact (course_id, enrolled_at);

create table campaign (
    id          uuid primary key,
    owner_id    uuid        not null,
    name        text        not null,
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    -- SCHEDULED until CampaignStarted is published, RUNNING until CampaignEnded, then ENDED
    status      text        not null,
    started_at  timestamptz,
    ended_at    timestamptz,
    stopped_by  uuid,
    created_at  timestamptz not null
);
create index campaign_by_owner on campaign (owner_id);
create index campaign_due on campaign (status, starts_at, ends_at);

-- Courses a campaign promotes explicitly (besides those of its sales and coupons).
create table campaign_course (
    campaign_id uuid not null references campaign (id) on delete cascade,
    course_id   uuid not null,
    primary key (campaign_id, course_id)
);

create table coupon (
    id                  uuid primary key,
    -- stored upper case; unique whatever the case it was typed in
    code                text        not null,
    -- the instructor whose coupon it is; null for a platform-wide coupon (admins only)
    owner_id            uuid,
    created_by          uuid        not null,
    kind                text        not null,
    percent_off         integer,
    amount_off          bigint,
    currency            text,
    scope               text        not null,
    starts_at           timestamptz,
    ends_at             timestamptz,
    total_limit         integer,
    per_user_limit      integer,
    minimum_price       bigint,
    first_purchase_only boolean     not null,
    status              text        not null,
    campaign_id         uuid references campaign (id),
    -- redemptions recorded from CoursePurchased; equals the rows of coupon_redemption
    redemptions         integer     not null default 0,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);
create unique index coupon_code_unique on coupon (code);
create index coupon_by_owner on coupon (owner_id);

create table coupon_course (
    coupon_id uuid not null references coupon (id) on delete cascade,
    course_id uuid not null,
    primary key (coupon_id, course_id)
);

create table coupon_redemption (
    id          uuid primary key,
    coupon_id   uuid        not null references coupon (id),
    order_id    uuid        not null,
    buyer_id    uuid        not null,
    discount    bigint      not null,
    currency    text        not null,
    -- the courses it was applied to, comma-separated
    course_ids  text        not null,
    redeemed_at timestamptz not null,
    unique (coupon_id, order_id)
);
create index coupon_redemption_by_buyer on coupon_redemption (coupon_id, buyer_id);

-- What a quote with a coupon gave, so the redemption can report the coupon's own share of an order's discount
-- (CoursePurchased carries only the total discount of sale, bundle, coupon and referral together).
create table coupon_quote (
    id          uuid primary key,
    coupon_id   uuid        not null,
    buyer_id    uuid        not null,
    course_ids  text        not null,
    discount    bigint      not null,
    quoted_at   timestamptz not null
);
create index coupon_quote_lookup on coupon_quote (coupon_id, buyer_id, course_ids, quoted_at);

create table sale (
    id            uuid primary key,
    course_id     uuid        not null,
    instructor_id uuid        not null,
    price_amount  bigint      not null,
    currency      text        not null,
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    campaign_id   uuid references campaign (id),
    status        text        not null,
    created_by    uuid        not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create index sale_by_course on sale (course_id, status);

create table bundle (
    id           uuid primary key,
    owner_id     uuid        not null,
    title        text        not null,
    description  text,
    price_amount bigint      not null,
    currency     text        not null,
    status       text        not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);

create table bundle_course (
    bundle_id uuid    not null references bundle (id) on delete cascade,
    course_id uuid    not null,
    position  integer not null,
    primary key (bundle_id, course_id)
);

-- Affiliate and learner codes share one namespace: a buyer passes either as referralCode.
create table referral_code (
    code          text primary key,
    kind          text        not null,
    user_id       uuid        not null,
    -- the affiliate membership for AFFILIATE codes
    membership_id uuid,
    created_at    timestamptz not null
);
create unique index referral_code_learner on referral_code (user_id) where kind = 'LEARNER';

create table affiliate_program (
    id              uuid primary key,
    instructor_id   uuid        not null,
    -- null: every course of the instructor
    course_id       uuid,
    rate_bp         integer     not null,
    window_days     integer     not null,
    status          text        not null,
    created_at      timestamptz not null
);
create index affiliate_program_by_instructor on affiliate_program (instructor_id);

create table affiliate_membership (
    id         uuid primary key,
    program_id uuid        not null references affiliate_program (id),
    user_id    uuid        not null,
    code       text        not null unique,
    joined_at  timestamptz not null,
    unique (program_id, user_id)
);

create table affiliate_click (
    id         uuid primary key,
    code       text        not null,
    user_id    uuid,
    clicked_at timestamptz not null
);
create index affiliate_click_by_code on affiliate_click (code);

-- First touch: when a buyer first met a code (a signed-in click, or the first quote carrying it).
create table referral_touch (
    code       text        not null,
    buyer_id   uuid        not null,
    touched_at timestamptz not null,
    primary key (code, buyer_id)
);

create table commission (
    id            uuid primary key,
    program_id    uuid        not null references affiliate_program (id),
    membership_id uuid        not null references affiliate_membership (id),
    affiliate_id  uuid        not null,
    instructor_id uuid        not null,
    order_id      uuid        not null,
    course_id     uuid        not null,
    code          text        not null,
    sale_amount   bigint      not null,
    currency      text        not null,
    rate_bp       integer     not null,
    amount        bigint      not null,
    status        text        not null,
    earned_at     timestamptz not null,
    reversed_at   timestamptz,
    reversal      text,
    unique (order_id, course_id)
);
create index commission_by_membership on commission (membership_id);
create index commission_by_program on commission (program_id);

-- A refund or lost dispute that arrived before the purchase it concerns; applied when the purchase comes.
create table pending_reversal (
    order_id  uuid        not null,
    course_id uuid        not null,
    reason    text        not null,
    noted_at  timestamptz not null,
    primary key (order_id, course_id)
);

-- A learner referral's credit to the referrer, once per friend (the friend's first purchase).
create table referral_credit (
    id          uuid primary key,
    referrer_id uuid        not null,
    friend_id   uuid        not null unique,
    order_id    uuid        not null,
    code        text        not null,
    amount      bigint      not null,
    currency    text        not null,
    earned_at   timestamptz not null
);
create index referral_credit_by_referrer on referral_credit (referrer_id);
