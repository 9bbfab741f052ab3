-- The query shapes the board and search pages should use, with EXPLAIN ANALYZE on a benchmark data set:
--   psql -h 127.0.0.1 -p <run cluster port> -U postgres -d hiring_bench_large -f bench/sql/query-shapes.sql
-- (./build.sh psql prints nothing of the port: use the one in .data/postgres/port or the [build.sh] log line.)
-- Values come from the data set's bench_meta marker. docs/performance.md quotes the plans and timings.
\set ON_ERROR_STOP on
\pset pager off
SELECT value AS posting FROM bench_meta WHERE key = 'busiest_posting_id' \gset
SELECT value AS stage FROM bench_meta WHERE key = 'board_stage_id' \gset
SELECT value AS common FROM bench_meta WHERE key = 'common_word' \gset
SELECT value AS rare FROM bench_meta WHERE key = 'rare_word' \gset
SELECT value AS prefix FROM bench_meta WHERE key = 'name_prefix' \gset
SELECT value AS email FROM bench_meta WHERE key = 'search_email' \gset

\echo '== Board column: first page (50 active cards of one stage, oldest in stage first)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.id, a.candidate_id, c.full_name, a.stage_entered_at, a.weighted_score
FROM applications a JOIN candidates c ON c.id = a.candidate_id
WHERE a.posting_id = :'posting' AND a.stage_id = :'stage' AND a.status = 'Active'
ORDER BY a.stage_entered_at, a.id
LIMIT 50;

\echo '== Board column: a later page, keyset (stage_entered_at, id) > (last seen)'
SELECT a.stage_entered_at AS after_at, a.id AS after_id FROM applications a
WHERE a.posting_id = :'posting' AND a.stage_id = :'stage' AND a.status = 'Active'
ORDER BY a.stage_entered_at, a.id OFFSET 5000 LIMIT 1 \gset
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.id, a.candidate_id, c.full_name, a.stage_entered_at, a.weighted_score
FROM applications a JOIN candidates c ON c.id = a.candidate_id
WHERE a.posting_id = :'posting' AND a.stage_id = :'stage' AND a.status = 'Active'
  AND (a.stage_entered_at, a.id) > (:'after_at'::timestamptz, :'after_id'::uuid)
ORDER BY a.stage_entered_at, a.id
LIMIT 50;

\echo '== Board: the first 20 cards of every column in one round trip (LATERAL per stage)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT s.id AS stage_id, s."order", card.*
FROM interview_stages s
CROSS JOIN LATERAL (
    SELECT a.id, c.full_name, a.stage_entered_at, a.weighted_score
    FROM applications a JOIN candidates c ON c.id = a.candidate_id
    WHERE a.posting_id = s.posting_id AND a.stage_id = s.id AND a.status = 'Active'
    ORDER BY a.stage_entered_at, a.id
    LIMIT 20) card
WHERE s.posting_id = :'posting'
ORDER BY s."order", card.stage_entered_at, card.id;

\echo '== Board: stage counts, one GROUP BY (index-only scan)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.stage_id, a.status, count(*)
FROM applications a
WHERE a.posting_id = :'posting'
GROUP BY a.stage_id, a.status;

\echo '== Search, naive: rank every match of a common word (what the issue measured at 3.4 s)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c.id, c.full_name, ts_rank_cd(c.search_vector, q) AS rank
FROM candidates c, plainto_tsquery('english', :'common') q
WHERE c.search_vector @@ q
ORDER BY rank DESC, c.id DESC
LIMIT 20;

-- Bounded ranking: take at most 200 matches in whatever order the cheapest plan finds them (sequential scan that
-- stops early for a common word, GIN bitmap for a rare one), rank only those. No ORDER BY inside: ordering the
-- 200 by id makes the planner walk the primary key backwards hoping to meet matches early, which for a rare word
-- it underestimates (0.4 % of rows expected, 0.01 % real) and reads the whole table: 9.5-12.6 s on the large set.
PREPARE search(text) AS
SELECT m.id, m.full_name, ts_rank_cd(m.search_vector, q) AS rank
FROM (SELECT c.id, c.full_name, c.search_vector
      FROM candidates c
      WHERE c.search_vector @@ plainto_tsquery('english', $1)
      LIMIT 200) m,
     plainto_tsquery('english', $1) q
ORDER BY rank DESC, m.id DESC
LIMIT 20;

\echo '== Search, bounded: common word'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE search(:'common');
\echo '== Search, bounded: rare word'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE search(:'rare');
\echo '== Search, bounded: a mid-frequency skill (haskell, 6 % of candidates), the slowest case'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE search('haskell');
\echo '== Search, bounded: two words (kafka postgresql)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE search('kafka postgresql');
\echo '== Search, bounded: a rare and a common word (<rare word> kafka)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE search(:'rare' || ' kafka');

\echo '== Search by name: part of any word of the name (trigram GIN), 200 matches at most, then sorted'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT m.id, m.full_name, m.email
FROM (SELECT c.id, c.full_name, c.email FROM candidates c
      WHERE c.full_name ILIKE '%' || :'prefix' || '%'
      LIMIT 200) m
ORDER BY m.full_name, m.id
LIMIT 20;

\echo '== Search by email: exact (unique B-tree) and partial (trigram GIN)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c.id, c.full_name, c.email FROM candidates c WHERE c.email = lower(:'email');
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c.id, c.full_name, c.email FROM candidates c WHERE c.email ILIKE '%' || split_part(:'email', '@', 1) || '%'
ORDER BY c.email LIMIT 20;
