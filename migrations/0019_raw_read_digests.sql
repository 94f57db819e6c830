-- The raw side of the unchanged-run shortcut (docs/decisions.md, "A run that finds nothing changed"): beside the
-- digest of a company's records, the digest of the answers its records were parsed from (an HMAC of the bytes as
-- received, with what shaped their reading), combined with the plan's basis as `digest` is. A run whose every company
-- answers the same bytes skips their parse too. Null when the source hashes no raw answers or the gateway keeps no key.
ALTER TABLE read_digests ADD COLUMN raw_digest TEXT;
