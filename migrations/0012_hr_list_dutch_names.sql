-- The HR list searches and sorts names the Dutch way (#19): "de Vries", "van ’t Hof" typed as "van 't hof",
-- "Kees de Vries" by roepnaam, "anais" for "Anaïs", and Ölçer sorted among the O's instead of after Z.
-- terms now holds every name form folded by search_fold() (accents, case and apostrophes; src/db/fold-search.ts)
-- and is built by hr_search_terms() (src/db/hr-search-terms.ts); sort_name is the folded display name. Both
-- functions are registered on every connection by src/db/open.ts, before migrations run, so the view works for
-- the gateway and the CLI (a plain sqlite3 shell cannot read hr_list_source; hr_list itself stays readable).
-- hr_list keeps its columns and covering indexes; only the values change, so every row is rebuilt once here.
DROP VIEW hr_list_source;
CREATE VIEW hr_list_source AS
SELECT scim_id, connector_id, state, employee_number, display_name, email, company_name,
  search_fold(display_name) AS sort_name,
  hr_search_terms(display_name, nickname, first_name, prefix, last_name, email, private_email, employee_number) AS terms
FROM (
  SELECT p.scim_id, p.connector_id, p.state, p.employee_number,
    coalesce(
      nullif(trim(json_extract(p.last_person, '$.displayName')), ''),
      nullif(trim(
        coalesce(nullif(trim(json_extract(p.last_person, '$.nickname')), ''), nullif(trim(json_extract(p.last_person, '$.firstName')), ''),
          json_extract(p.last_person, '$.initials'), '')
        || ' ' || coalesce(json_extract(p.last_person, '$.prefix') || ' ', '') || coalesce(json_extract(p.last_person, '$.lastName'), '')
      ), ''),
      p.employee_number
    ) AS display_name,
    json_extract(p.last_person, '$.nickname') AS nickname,
    json_extract(p.last_person, '$.firstName') AS first_name,
    json_extract(p.last_person, '$.prefix') AS prefix,
    json_extract(p.last_person, '$.lastName') AS last_name,
    coalesce(json_extract(p.last_person, '$.workEmail'), json_extract(p.last_person, '$.privateEmail')) AS email,
    json_extract(p.last_person, '$.privateEmail') AS private_email,
    json_extract(p.last_person, '$.company.name') AS company_name
  FROM people p
);

DELETE FROM hr_list;
INSERT INTO hr_list (scim_id, connector_id, state, sort_name, display_name, email, employee_number, company_name, terms)
SELECT scim_id, connector_id, state, sort_name, display_name, email, employee_number, company_name, terms FROM hr_list_source;
