import type { Sqlite } from "../db/open.js";
import { prepared } from "../db/statements.js";
import { ENTERPRISE_USER } from "./schema-urns.js";

/** A value of one user attribute as the connector serves it now, with its company and how many active users have it. */
export interface ServedValue {
  readonly value: string;
  readonly company: string;
  readonly users: number;
}

/** A user attribute an Okta group rule can test: core (`title`) or in the enterprise extension (`department`). */
export type RuleAttribute = "department" | "organization" | "title" | "userType" | "costCenter";

const CORE: ReadonlySet<RuleAttribute> = new Set(["title", "userType"]);

const jsonPath = (attribute: RuleAttribute) =>
  CORE.has(attribute) ? `$.${attribute}` : `$."${ENTERPRISE_USER}".${attribute}`;

/**
 * The distinct values of `attribute` among the active users served now, per company (the group rules on the Okta
 * setup page are built from them). Reads every current user body once: a console page, not Okta's path.
 */
export function servedValues(sqlite: Sqlite, connectorId: string, attribute: RuleAttribute): ServedValue[] {
  return prepared(
    sqlite,
    `SELECT json_extract(body, ?) AS value, json_extract(body, ?) AS company, count(*) AS users FROM scim_resources
     WHERE connector_id = ? AND resource_type = 'User' AND gen_to IS NULL AND active = 1 AND value IS NOT NULL
     GROUP BY value, company ORDER BY value, company`,
  ).all(jsonPath(attribute), jsonPath("organization"), connectorId) as ServedValue[];
}
