-- A group's members move out of its body into a column of their own, added after `body` so that it is the last
-- column of the row: a read of the body (excludedAttributes=members, attributes=displayName, the page-size budget's
-- counts) then stops before the members' overflow pages and never reads them. member_count sits before `members`
-- for the same reason. The stored members also lose their "$ref": Okta's own member objects carry none
-- (docs/groups.md), and it was the largest part of each entry. `version` is left as it was: the next sync rewrites
-- every group once with the version of its new content.
ALTER TABLE scim_resources ADD COLUMN member_count INTEGER;
ALTER TABLE scim_resources ADD COLUMN members TEXT;
UPDATE scim_resources
SET member_count = json_array_length(body, '$.members'),
    members = (
      SELECT coalesce(json_group_array(json_object('value', json_extract(m.value, '$.value'), 'display', json_extract(m.value, '$.display'))), '[]')
      FROM json_each(body, '$.members') AS m
    ),
    body = json_remove(body, '$.members')
WHERE resource_type = 'Group' AND json_type(body, '$.members') = 'array';
