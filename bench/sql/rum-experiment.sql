-- Ranked full-text search with a RUM index (Debian: apt-get install postgresql-15-rum first), measured
-- beside the bounded GIN query of query-shapes.sql on the same data set. The index is dropped at the end, so the
-- benchmark database keeps exactly the schema of the migrations.
--   psql -h 127.0.0.1 -p <port> -U postgres -d hiring_bench_large -f bench/sql/rum-experiment.sql
\set ON_ERROR_STOP on
\pset pager off
SELECT value AS common FROM bench_meta WHERE key = 'common_word' \gset
SELECT value AS rare FROM bench_meta WHERE key = 'rare_word' \gset
CREATE EXTENSION IF NOT EXISTS rum;
SET maintenance_work_mem = '1GB';
DROP INDEX IF EXISTS ix_candidates_search_vector_rum;
\timing on
CREATE INDEX ix_candidates_search_vector_rum ON candidates USING rum (search_vector rum_tsvector_ops);
\timing off
SELECT pg_size_pretty(pg_relation_size('ix_candidates_search_vector_rum')) AS rum_size,
       pg_size_pretty(pg_relation_size('ix_candidates_search_vector')) AS gin_size;
ANALYZE candidates;

\echo '== RUM: top 20 by rank, common word'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c.id, c.full_name, c.search_vector <=> q AS distance
FROM candidates c, plainto_tsquery('english', :'common') q
WHERE c.search_vector @@ q
ORDER BY c.search_vector <=> q
LIMIT 20;

\echo '== RUM: top 20 by rank, rare word'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c.id, c.full_name, c.search_vector <=> q AS distance
FROM candidates c, plainto_tsquery('english', :'rare') q
WHERE c.search_vector @@ q
ORDER BY c.search_vector <=> q
LIMIT 20;

\echo '== RUM: top 20 by rank, mid-frequency skill (haskell)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c.id, c.full_name, c.search_vector <=> q AS distance
FROM candidates c, plainto_tsquery('english', 'haskell') q
WHERE c.search_vector @@ q
ORDER BY c.search_vector <=> q
LIMIT 20;

\echo '== RUM: top 20 by rank, two words (kafka postgresql)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT c.id, c.full_name, c.search_vector <=> q AS distance
FROM candidates c, plainto_tsquery('english', 'kafka postgresql') q
WHERE c.search_vector @@ q
ORDER BY c.search_vector <=> q
LIMIT 20;

DROP INDEX ix_candidates_search_vector_rum;
