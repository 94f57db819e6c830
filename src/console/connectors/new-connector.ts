import { parseConfig } from "../../config/load.js";
import { GROUP_KINDS, type GroupKind } from "../../config/schema.js";
import type { ConnectorSettings } from "../../config/types.js";
import { type ConnectorForm, connectorFormOf } from "./connector-form.js";

/**
 * Where a connector made in the console takes userName from (docs/decisions.md): the work address only. A private
 * gmail or ziggo address as an Okta login hands account recovery to a mailbox the company does not control; a person
 * without a work address is listed as a problem instead, and the admin can choose "work, else private" in the form.
 * config.toml keeps its default (work, then private): changing it would rename existing users in Okta.
 */
export const NEW_CONNECTOR_USER_NAME_FROM: ConnectorSettings["identity"]["userNameFrom"] = ["work"];

/**
 * The group kinds a connector made in the console starts with (docs/groups.md): none. Department and company groups
 * are as large as the organisation, and Okta imports every member of every group on each import; an Okta group rule
 * builds the same group from the user's attribute without any of that (the Okta setup page lists them). The admin
 * ticks the kinds that stay small. config.toml keeps its default (department, company): changing it would make Okta
 * drop the groups, and their memberships, of connectors that already serve them.
 */
export const NEW_CONNECTOR_GROUP_KINDS: ConnectorSettings["groups"]["kinds"] = [];

/**
 * The form for a new connector: config.toml's defaults, read from config.toml's own load (not from the form's
 * parser, which depends on the form), with the console's own choices above.
 */
export function newConnectorForm(): ConnectorForm {
  // The smallest connector config.toml accepts; its placeholder credentials are not defaults and are not shown.
  const config = parseConfig(
    {
      connectors: [
        {
          id: "new-connector",
          kind: "nmbrs-soap",
          nmbrs: { username: "api@example.nl", domain: "example", token: "x" },
        },
      ],
    },
    "connector defaults",
    {},
    process.cwd(),
  );
  const { settings } = config.connectors[0]!;
  // Every kind's fields start from config.toml's defaults (kinds/kind-form.ts valuesOf), the credentials empty. The
  // group templates start empty too: saved, they become newConnectorGroupTemplates() for the companies chosen.
  const form = connectorFormOf({ settings, nmbrs: null, nmbrsRest: null });
  return {
    ...form,
    id: "",
    name: "",
    userNameFrom: NEW_CONNECTOR_USER_NAME_FROM.join(","),
    groupKinds: NEW_CONNECTOR_GROUP_KINDS,
    groupTemplates: Object.fromEntries(GROUP_KINDS.map((kind) => [kind, ""])) as Record<GroupKind, string>,
  };
}
