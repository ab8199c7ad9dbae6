-- H2: a VARCHAR's length counts UTF-16 code units (see 2.3), so a reason of 2,000 characters of emoji needs
-- 4,000 units; the core's validation keeps the limit itself.

ALTER TABLE event_reasons ALTER COLUMN reason SET DATA TYPE VARCHAR(4000);
