-- The console language an admin chose with the switch in the page header; NULL means "follow the browser"
-- (Accept-Language). Kept per admin so the choice survives logging out and in on another browser.
ALTER TABLE admins ADD COLUMN language TEXT CHECK (language IN ('en', 'nl'));
