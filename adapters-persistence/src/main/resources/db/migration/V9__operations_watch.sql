-- The operations watch counts the jobs that finished lately (failure rate) and the metrics read the
-- ones that finished since their last look (durations): a final job is never updated again, so its
-- updated_at is when it finished. Without this index both would read every job ever run.
create index jobs_finished on jobs (updated_at)
    where state in ('SUCCEEDED', 'FAILED', 'CANCELLED', 'EXPIRED');
