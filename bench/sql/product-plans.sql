-- EXPLAIN ANALYZE of the queries the product sends for the benchmark's heaviest pages, with the large set's values
-- (docs/performance.md quotes them). The SQL is what GetBoard, SearchCandidates and GetMyInterviews send, with the
-- parameters written in:
--   psql -h 127.0.0.1 -p <run cluster port> -U postgres -d hiring_bench_large -f bench/sql/product-plans.sql
\set ON_ERROR_STOP on
\pset pager off
SELECT value AS posting FROM bench_meta WHERE key = 'busiest_posting_id' \gset
SELECT value AS common FROM bench_meta WHERE key = 'common_word' \gset
SELECT value AS rare FROM bench_meta WHERE key = 'rare_word' \gset
SELECT value AS prefix FROM bench_meta WHERE key = 'name_prefix' \gset
SELECT value AS email FROM bench_meta WHERE key = 'search_email' \gset
SELECT id AS recruiter FROM "AspNetUsers" WHERE email = 'bench.recruiter@bench.example' \gset
SELECT id AS interviewer FROM "AspNetUsers" WHERE email = 'bench.interviewer@bench.example' \gset
SELECT array_agg(DISTINCT posting_id)::text AS visible FROM posting_team_members
WHERE user_id = :'recruiter' AND role IN ('Recruiter', 'HiringManager') \gset

\echo '== Board: counts per stage and status (GetBoard, query 1)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT a.stage_id, a.status, count(*)::int FROM applications a WHERE a.posting_id = :'posting' GROUP BY a.stage_id, a.status;

\echo '== Board: the first 26 cards of every column, one LATERAL range per stage (GetBoard, query 2)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT x.id, x.candidate_id, x.stage_id, c.full_name, x.stage_entered_at, x.weighted_score, c.tags
FROM interview_stages s
CROSS JOIN LATERAL (
    SELECT a.id, a.candidate_id, a.stage_id, a.stage_entered_at, a.weighted_score
    FROM applications a
    WHERE a.posting_id = s.posting_id AND a.stage_id = s.id AND a.status = 'Active'
    ORDER BY a.stage_entered_at, a.id LIMIT 26) x
JOIN candidates c ON c.id = x.candidate_id
WHERE s.posting_id = :'posting';

\echo '== Search, résumé branch, a word most résumés contain: at most 200 matches, ranked (SearchCandidates)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT f.id, 10 * ts_rank(f.search_vector, websearch_to_tsquery('english', :'common')) AS score
FROM (SELECT c.id, c.search_vector FROM candidates c
      WHERE c.search_vector @@ websearch_to_tsquery('english', :'common') AND c.merged_into_id IS NULL AND c.erased_at IS NULL
        AND EXISTS (SELECT 1 FROM applications a WHERE a.candidate_id = c.id AND a.posting_id = ANY(:'visible'::uuid[]))
      LIMIT 200) f
ORDER BY score DESC LIMIT 20;

\echo '== Search, résumé branch, a rare word'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT f.id, 10 * ts_rank(f.search_vector, websearch_to_tsquery('english', :'rare')) AS score
FROM (SELECT c.id, c.search_vector FROM candidates c
      WHERE c.search_vector @@ websearch_to_tsquery('english', :'rare') AND c.merged_into_id IS NULL AND c.erased_at IS NULL
        AND EXISTS (SELECT 1 FROM applications a WHERE a.candidate_id = c.id AND a.posting_id = ANY(:'visible'::uuid[]))
      LIMIT 200) f
ORDER BY score DESC LIMIT 20;

\echo '== Search, name branch: start of the name, start of a later word, or a similar spelling (trigram GIN)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c.id FROM candidates c
WHERE (c.full_name ILIKE lower(:'prefix') || '%' OR c.full_name ILIKE '% ' || lower(:'prefix') || '%' OR c.full_name % :'prefix')
  AND c.merged_into_id IS NULL AND c.erased_at IS NULL
  AND EXISTS (SELECT 1 FROM applications a WHERE a.candidate_id = c.id AND a.posting_id = ANY(:'visible'::uuid[]))
LIMIT 200;

\echo '== Search, an email address: exact (unique B-tree) and prefix (varchar_pattern_ops B-tree)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c.id FROM candidates c WHERE c.email = lower(:'email') AND c.merged_into_id IS NULL AND c.erased_at IS NULL LIMIT 1;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c.id FROM candidates c WHERE c.email LIKE lower(:'email') || '%' AND c.merged_into_id IS NULL AND c.erased_at IS NULL LIMIT 50;

\echo '== Home (interviewer): my feedback due, oldest first, from the pending-feedback partial index (GetMyInterviews)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT i0.id, i0.ends_at FROM interview_participants p JOIN interviews i0 ON i0.id = p.interview_id
WHERE p.interviewer_id = :'interviewer' AND p.pending_feedback_ends_at IS NOT NULL AND p.pending_feedback_ends_at <= now()
  AND i0.status <> 'Cancelled'
  AND NOT EXISTS (SELECT 1 FROM scorecards s WHERE s.interview_id = i0.id AND s.interviewer_id = p.interviewer_id AND s.status = 'Submitted')
ORDER BY p.pending_feedback_ends_at LIMIT 50;

\echo '== Home (interviewer): my upcoming interviews, from the scheduled-start partial index'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT i0.id, i0.starts_at FROM interview_participants p JOIN interviews i0 ON i0.id = p.interview_id
WHERE p.interviewer_id = :'interviewer' AND p.scheduled_starts_at IS NOT NULL AND p.scheduled_starts_at > now() - interval '8 hours'
  AND i0.status <> 'Cancelled' AND i0.ends_at > now()
ORDER BY p.scheduled_starts_at LIMIT 50;

\echo '== Home (recruiter): the team''s upcoming interviews, one range of (posting_id, status, starts_at) per team posting'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT x.id, x.starts_at
FROM (SELECT DISTINCT posting_id FROM posting_team_members WHERE user_id = :'recruiter' AND role IN ('Recruiter', 'HiringManager')) t
CROSS JOIN LATERAL (
    SELECT i.id, i.starts_at FROM interviews i
    WHERE i.posting_id = t.posting_id AND i.status = 'Scheduled' AND i.starts_at > now() - interval '8 hours' AND i.ends_at > now()
    ORDER BY i.starts_at LIMIT 50) x
ORDER BY x.starts_at LIMIT 50;
