-- Every login HR Gateway generated for a connector's people (identity.user_name_from = "generated",
-- docs/mapping.md). A login is kept for its person for good and never given to anyone else, also after the
-- person left: rows are never deleted while the connector exists. user_name_fold is the case-folded login
-- (db/fold-case.ts), the key uniqueness is decided on.
CREATE TABLE generated_logins (
  connector_id   TEXT NOT NULL REFERENCES connectors(id) ON DELETE CASCADE,
  user_name_fold TEXT NOT NULL,
  user_name      TEXT NOT NULL,
  scim_id        TEXT NOT NULL,
  given_at       TEXT NOT NULL,
  PRIMARY KEY (connector_id, user_name_fold)
) WITHOUT ROWID;
CREATE INDEX generated_logins_by_person ON generated_logins(connector_id, scim_id);
