import type { Db } from "../../src/db/open.js";
import { commitGeneration } from "../../src/directory/commit-generation.js";
import type { DesiredResource } from "../../src/directory/resource.js";
import { CORE_GROUP, CORE_USER, ENTERPRISE_USER, HR_GATEWAY_USER } from "../../src/directory/schema-urns.js";

/** Insert a connector row the way the registry does. */
export function addConnector(db: Db, id: string, createdAt = "2026-01-01T00:00:00.000Z"): void {
  db.sqlite
    .prepare(
      "INSERT INTO connectors (id, kind, origin, settings, created_at, updated_at) VALUES (?, 'nmbrs-soap', 'file', '{}', ?, ?)",
    )
    .run(id, createdAt, createdAt);
}

export interface UserFixture {
  readonly givenName?: string;
  readonly familyName?: string;
  readonly userName?: string;
  readonly active?: boolean;
  readonly title?: string;
  readonly department?: string;
  readonly managerId?: string;
  readonly phone?: string;
  readonly externalId?: string;
}

/** The n-th employee, shaped exactly like src/lifecycle/user-resource.ts serves one. */
export function user(n: number, fixture: UserFixture = {}): DesiredResource {
  const givenName = fixture.givenName ?? `Jan${n}`;
  const familyName = fixture.familyName ?? "de Vries";
  const userName = fixture.userName ?? `${givenName}.${familyName.replace(/ /g, ".")}@acme.nl`;
  const id = `u-${String(n).padStart(6, "0")}`;
  const displayName = `${givenName} ${familyName}`;
  const active = fixture.active ?? true;
  const externalId = fixture.externalId ?? String(100000 + n);
  const resource = {
    schemas: [CORE_USER, ENTERPRISE_USER, HR_GATEWAY_USER],
    id,
    externalId,
    userName,
    name: { formatted: displayName, givenName, familyName },
    displayName,
    title: fixture.title ?? "Developer",
    userType: "Werknemer",
    active,
    emails: [{ value: userName, type: "work", primary: true }],
    ...(fixture.phone ? { phoneNumbers: [{ value: fixture.phone, type: "mobile", primary: true }] } : {}),
    [ENTERPRISE_USER]: {
      employeeNumber: String(n),
      organization: "Acme BV",
      department: fixture.department ?? "Sales",
      costCenter: "4010",
      ...(fixture.managerId ? { manager: { value: fixture.managerId, displayName: "Piet Jansen" } } : {}),
    },
    [HR_GATEWAY_USER]: { startDate: "2024-02-01", companyNumber: "1" },
  };
  return {
    type: "User",
    scimId: id,
    seq: n,
    resource,
    userName,
    externalId,
    displayName,
    active,
  };
}

/** A group with the given member users, shaped like the sync serves one. */
export function group(n: number, displayName: string, members: readonly DesiredResource[]): DesiredResource {
  const id = `g-${String(n).padStart(4, "0")}`;
  const resource = {
    schemas: [CORE_GROUP],
    id,
    displayName,
    members: members.map((member) => ({ value: member.scimId, display: member.displayName })),
  };
  return { type: "Group", scimId: id, seq: n, resource, displayName };
}

export function users(count: number, from = 1): DesiredResource[] {
  return Array.from({ length: count }, (_, index) => user(from + index));
}

export function commit(db: Db, connectorId: string, resources: Iterable<DesiredResource>, at: Date): number {
  return commitGeneration(db.sqlite, connectorId, resources, at).gen;
}
