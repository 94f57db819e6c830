-- People an admin excluded from a connector's sync (docs/holds.md, "Exclusions"): each is served exactly as Okta sees
-- them now, whatever HR says, until included again (the row is deleted). Who, when and why are also in the audit log.
CREATE TABLE person_exclusions (
  connector_id   TEXT NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
  scim_id        TEXT NOT NULL,
  label          TEXT NOT NULL,                -- "Jan de Vries (1042, company 3)" when excluded, for the list
  reason         TEXT NOT NULL,
  excluded_by    TEXT NOT NULL,
  since          TEXT NOT NULL,
  PRIMARY KEY (connector_id, scim_id)
);
