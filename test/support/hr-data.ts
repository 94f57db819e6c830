import * as v from "valibot";
import { connectorSettingsFromRaw } from "../../src/config/load.js";
import { connectorSchema } from "../../src/config/schema.js";
import type { ConnectorConfig, ConnectorSettings } from "../../src/config/types.js";
import type { HrCompany, HrPerson, HrPeriod } from "../../src/sources/types.js";
import type { PlanInput } from "../../src/sync/plan-types.js";

/** Small factories for HR data, so a test states only what its rule is about. */

export const ACME: HrCompany = { id: "101", number: "1", name: "Acme BV" };
export const BETA: HrCompany = { id: "202", number: "2", name: "Beta Services BV" };

export function employment(start: string | null, end: string | null = null): HrPeriod {
  return { kind: "employment", start, end };
}

export function contract(start: string | null, end: string | null = null): HrPeriod {
  return { kind: "contract", start, end };
}

let nextKey = 1;

/** A person employed since 2020 with a work e-mail derived from the name; override what the test is about. */
export function hrPerson(overrides: Partial<HrPerson> = {}): HrPerson {
  const key = overrides.sourceKey ?? String(1000 + nextKey++);
  const lastName = overrides.lastName ?? `Person${key}`;
  return {
    sourceKey: key,
    company: ACME,
    employeeNumber: key,
    displayName: null,
    firstName: "Jan",
    nickname: null,
    initials: "J.",
    prefix: null,
    lastName,
    birthDate: "1990-01-01",
    workEmail: `jan.${lastName.toLowerCase()}@acme.nl`,
    privateEmail: null,
    workMobile: null,
    privateMobile: null,
    employeeType: "Werknemer",
    department: { code: "10", name: "Sales" },
    function: { code: "F1", name: "Accountmanager" },
    costCenter: null,
    manager: null,
    periods: [employment("2020-01-01")],
    ...overrides,
  };
}

/** Connector settings as config.toml would give them (real defaults), with `raw` keys in the file's snake_case. */
export function connectorSettings(raw: Record<string, unknown> = {}): ConnectorSettings {
  return connectorSettingsFromRaw(v.parse(connectorSchema, { id: "acme", kind: "nmbrs-soap", ...raw }));
}

/** What a connector's first plan decides from (nobody known yet), on `today`; new SCIM ids are id-1, id-2, … */
export function firstPlanInput(settings: ConnectorSettings, persons: HrPerson[], today = "2026-01-10"): PlanInput {
  let ids = 0;
  return {
    settings,
    now: new Date(`${today}T08:00:00Z`),
    today,
    persons,
    known: new Map(),
    knownGroups: new Map(),
    sequences: { user: 0, group: 0 },
    servedUser: () => undefined,
    newId: () => `id-${++ids}`,
  };
}

export function connectorConfig(raw: Record<string, unknown> = {}, companies: string[] = []): ConnectorConfig {
  return {
    settings: connectorSettings(raw),
    nmbrs: {
      endpoint: "http://127.0.0.1:1/soap/v3",
      username: "api@acme.nl",
      token: "t",
      domain: "acme",
      companies,
      timeoutSeconds: 5,
    },
    nmbrsRest: null,
    scim: { username: null, password: null, bearerToken: null },
  };
}
