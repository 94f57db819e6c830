import { describe, expect, it } from "vitest";
import {
  EMPLOYEES,
  EMPLOYMENTS,
  GET_CONNECTORS,
  ORG_UNITS,
  requiredFields,
  type GetConnectorId,
} from "../../../../src/sources/afas/contract.js";
import { missingFieldsMessage } from "../../../../src/sources/afas/metainfo-diff.js";

const ALL_NEEDS = { privateEmail: true, managers: true, costCenters: true };

/** The metainfo of GetConnectors holding every field the contract names, minus `drop`, with `rename` applied. */
function found(drop: readonly string[] = [], rename: Record<string, string> = {}): Map<GetConnectorId, string[]> {
  const fields = new Map<GetConnectorId, string[]>(GET_CONNECTORS.map((id) => [id, ["Extra_veld"]]));
  for (const { connector, field } of requiredFields(ALL_NEEDS)) {
    if (!drop.includes(field)) fields.get(connector)?.push(rename[field] ?? field);
  }
  return fields;
}

describe("the metainfo check names every missing field in one message", () => {
  it.each([
    ["nothing missing (extra fields ignored)", ALL_NEEDS, found(), null],
    [
      "one required field",
      ALL_NEEDS,
      found(["Werkgever_naam"]),
      `AFAS GetConnector ${EMPLOYMENTS} lacks Werkgever_naam`,
    ],
    [
      "conditional fields say why, across connectors",
      ALL_NEEDS,
      found(["Email_prive", "OE_leidinggevende"]),
      `AFAS GetConnector ${EMPLOYEES} lacks Email_prive (needed because user_name_from has "private"); ${ORG_UNITS} lacks OE_leidinggevende (needed because managers = true)`,
    ],
    [
      "a conditional field not asked for is not required",
      { privateEmail: false, managers: false, costCenters: false },
      found(["Email_prive", "OE_leidinggevende", "Kostenplaats", "Kostenplaats_omschrijving"]),
      null,
    ],
    [
      "a case-only difference is named",
      ALL_NEEDS,
      found([], { Email_werk: "email_werk" }),
      `AFAS GetConnector ${EMPLOYEES} lacks Email_werk (found 'email_werk')`,
    ],
    [
      "several fields of one connector in one list",
      ALL_NEEDS,
      found(["Roepnaam", "Naamgebruik_code"]),
      `AFAS GetConnector ${EMPLOYEES} lacks Roepnaam, Naamgebruik_code`,
    ],
  ])("%s", (_case, needs, metainfo, expected) => {
    expect(missingFieldsMessage(requiredFields(needs), metainfo)).toBe(expected);
  });
});
