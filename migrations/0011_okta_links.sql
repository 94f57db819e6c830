-- The app users Okta has linked to an Okta user: every user some complete Okta import saw active (Okta creates or
-- matches an Okta user for them and keeps the link, also after deactivating it). The next-import forecast needs
-- them to tell a reactivation from a new user (src/forecast/, docs/forecast.md). Filled by pruneSuperseded and the
-- forecast from scim_imports before the generations those imports read are pruned.
CREATE TABLE okta_links (
  connector_id  TEXT NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
  scim_id       TEXT NOT NULL,
  first_gen     INTEGER NOT NULL,              -- generation of the first import that saw the user active
  PRIMARY KEY (connector_id, scim_id)
) WITHOUT ROWID;
