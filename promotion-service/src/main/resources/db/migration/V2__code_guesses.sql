-- Failed code look-ups (a coupon or referral code that cannot be used) per guesser, shared by every instance of the
-- service. A guesser is 'user:<buyer id>' or 'address:<client address>'; its window opens with its first failure
-- and lasts skillwise.promotion.code-guessing.window (docs/promotions.md).
create table code_guess (
    guesser      text primary key,
    window_start timestamptz not null,
    failures     integer     not null
);
create index code_guess_by_window_start on code_guess (window_start);
