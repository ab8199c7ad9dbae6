-- PostgreSQL: a VARCHAR's length counts characters, as the core's limits do; the summary's limit is 10,000
-- characters (version 1 allowed 4,000).

ALTER TABLE complainants ALTER COLUMN summary TYPE VARCHAR(10000);
