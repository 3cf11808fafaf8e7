-- When each mailing of a quote was tried (a failed one is tried again later by a job, with a growing delay).
alter table quote_sending add column attempted_at timestamp with time zone;
