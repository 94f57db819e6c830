import { checkGroupBudget, DEFAULT_GROUP_BUDGET } from "../../../../src/lifecycle/group-budget.js";
import { describe, expect, it } from "vitest";
import type { ChangedResource, GenerationChanges } from "../../../../src/directory/resource.js";
import { changeSetDigest } from "../../../../src/sync/preview/change-digest.js";
import { compareWithRun } from "../../../../src/sync/preview/compare-with-run.js";
import { previewCsv } from "../../../../src/sync/preview/preview-csv.js";
import {
  buildPreviewReport,
  bodyKey,
  servedBodiesNeeded,
  type PreviewInput,
} from "../../../../src/sync/preview/preview-report.js";
import type { PlanCounts, StateTransition } from "../../../../src/sync/plan-types.js";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const META = {
  resourceType: "User",
  created: "2026-01-01T08:00:00.000Z",
  lastModified: "2026-01-10T08:00:00.000Z",
  version: 'W/"x"',
};

/** A served user body as the directory stores it (meta last). */
function user(id: string, externalId: string, overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
    id,
    externalId,
    userName: `${externalId}@acme.nl`,
    displayName: `Person ${externalId}`,
    active: true,
    [ENTERPRISE]: { department: "Sales" },
    ...overrides,
    meta: META,
  });
}

function group(id: string, displayName: string, members: readonly [string, string][]): string {
  return JSON.stringify({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
    id,
    displayName,
    members: members.map(([value, display]) => ({ value, display, $ref: `Users/${value}` })),
    meta: { ...META, resourceType: "Group" },
  });
}

const created = (type: "User" | "Group", scimId: string, after: string): ChangedResource => ({
  type,
  scimId,
  before: null,
  after,
});
const updated = (type: "User" | "Group", scimId: string, before: string, after: string): ChangedResource => ({
  type,
  scimId,
  before,
  after,
});
const removed = (type: "User" | "Group", scimId: string): ChangedResource => ({
  type,
  scimId,
  before: null,
  after: null,
});

const COUNTS: PlanCounts = {
  listed: 4,
  servedBefore: 4,
  activeBefore: 4,
  served: 4,
  active: 3,
  inactive: 1,
  groups: 2,
  problems: 0,
  privateLogins: 0,
};

function input(
  changes: Partial<GenerationChanges>,
  transitions: StateTransition[] = [],
  servedBodies: [string, string][] = [],
): PreviewInput {
  return {
    connectorId: "acme",
    createdAt: "2026-01-10T08:00:00.000Z",
    baseGen: 3,
    counts: COUNTS,
    changes: { gen: 4, created: [], updated: [], removed: [], ...changes },
    transitions,
    standing: new Map([
      ["u-2", { sourceKey: "2", state: "active", reason: "active: employment 2020-01-01–" }],
      ["u-3", { sourceKey: "3", state: "inactive", reason: "inactive: employment ended 2026-01-01" }],
    ]),
    servedBodies: new Map(servedBodies),
    holds: [],
    brakeReason: null,
    groupBudget: checkGroupBudget([], DEFAULT_GROUP_BUDGET),
  };
}

describe("the preview report", () => {
  it("lists each person's change with every changed attribute, old → new, enterprise extension and active included", () => {
    const before = user("u-3", "3");
    const after = user("u-3", "3", { active: false, title: "Adviseur", [ENTERPRISE]: { department: "Finance" } });
    const report = buildPreviewReport(
      input({ updated: [updated("User", "u-3", before, after)] }, [
        { scimId: "u-3", from: "active", to: "inactive", reason: "inactive: employment ended 2026-01-01" },
      ]),
    );
    expect(report.people).toEqual([
      {
        change: "deactivates",
        scimId: "u-3",
        externalId: "3",
        userName: "3@acme.nl",
        displayName: "Person 3",
        state: { from: "active", to: "inactive" },
        reason: "inactive: employment ended 2026-01-01",
        fields: [
          { field: "active", old: "true", new: "false" },
          { field: `${ENTERPRISE}:department`, old: "Sales", new: "Finance" },
          { field: "title", old: null, new: "Adviseur" },
        ],
      },
    ]);
  });

  it.each([
    ["appears", { created: [created("User", "new-1", user("new-1", "9"))] }, { appears: 1, created: 1 }],
    [
      "reactivates",
      { updated: [updated("User", "u-3", user("u-3", "3", { active: false }), user("u-3", "3"))] },
      { reactivates: 1, updated: 1 },
    ],
    [
      "changes",
      { updated: [updated("User", "u-2", user("u-2", "2"), user("u-2", "2", { title: "Chef" }))] },
      { changes: 1, updated: 1 },
    ],
    ["disappears", { removed: [removed("User", "u-3")] }, { disappears: 1, removed: 1 }],
  ] as const)("a person who %s is counted in the summary", (change, changes, counts) => {
    const report = buildPreviewReport(
      input(changes, [], [[bodyKey("User", "u-3"), user("u-3", "3", { active: false })]]),
    );
    expect(report.people.map((person) => person.change)).toEqual([change]);
    expect(report.summary).toMatchObject(counts);
  });

  it("gives someone who appears no SCIM id (the run draws its own) and all attributes as new", () => {
    const report = buildPreviewReport(
      input({ created: [created("User", "preview-id", user("preview-id", "9"))] }, [
        { scimId: "preview-id", from: null, to: "active", reason: "active: employment 2026-01-01–" },
      ]),
    );
    const [person] = report.people;
    expect(person).toMatchObject({
      change: "appears",
      scimId: null,
      externalId: "9",
      state: { from: null, to: "active" },
      reason: "active: employment 2026-01-01–",
    });
    expect(person!.fields.every((field) => field.old === null)).toBe(true);
    expect(person!.fields.map((field) => field.field)).toContain("userName");
  });

  it("names someone who disappears from the body served now, with the reason of the transition", () => {
    const report = buildPreviewReport(
      input(
        { removed: [removed("User", "u-3")] },
        [{ scimId: "u-3", from: "inactive", to: "removed", reason: "removed: retention over" }],
        [[bodyKey("User", "u-3"), user("u-3", "3", { active: false })]],
      ),
    );
    expect(report.people[0]).toMatchObject({
      change: "disappears",
      userName: "3@acme.nl",
      displayName: "Person 3",
      reason: "removed: retention over",
    });
  });

  it("reports a state change Okta does not see without a name or reason when Okta never saw the person", () => {
    const transitions: StateTransition[] = [
      { scimId: "p-7", from: "pending", to: "problem", reason: "problem: Jan Geheim has no e-mail" },
    ];
    expect(servedBodiesNeeded({ gen: 3, created: [], updated: [], removed: [] }, transitions)).toEqual([
      { type: "User", scimId: "p-7" },
    ]);
    const report = buildPreviewReport({
      ...input({}, transitions),
      standing: new Map([["p-7", { sourceKey: "7", state: "problem", reason: "problem: Jan Geheim has no e-mail" }]]),
    });
    expect(report.people).toEqual([
      {
        change: "lifecycle",
        scimId: null,
        externalId: "7",
        userName: null,
        displayName: null,
        state: { from: "pending", to: "problem" },
        reason: null,
        fields: [],
      },
    ]);
    expect(JSON.stringify(report)).not.toContain("Geheim");
  });

  it("lists group members added and removed by name, and created and removed groups", () => {
    const sales = updated(
      "Group",
      "g-1",
      group("g-1", "Sales", [
        ["u-2", "Person 2"],
        ["u-3", "Person 3"],
      ]),
      group("g-1", "Sales", [
        ["u-2", "Person 2"],
        ["new-1", "Person 9"],
      ]),
    );
    const report = buildPreviewReport(
      input(
        {
          created: [created("Group", "new-g", group("new-g", "Finance", [["u-3", "Person 3"]]))],
          updated: [sales],
          removed: [removed("Group", "g-2")],
        },
        [],
        [[bodyKey("Group", "g-2"), group("g-2", "Legal", [["u-4", "Person 4"]])]],
      ),
    );
    expect(report.groups).toEqual([
      {
        change: "created",
        scimId: null,
        displayName: "Finance",
        membersAdded: ["Person 3"],
        membersRemoved: [],
        fields: [],
      },
      {
        change: "changes",
        scimId: "g-1",
        displayName: "Sales",
        membersAdded: ["Person 9"],
        membersRemoved: ["Person 3"],
        fields: [],
      },
      {
        change: "removed",
        scimId: "g-2",
        displayName: "Legal",
        membersAdded: [],
        membersRemoved: ["Person 4"],
        fields: [],
      },
    ]);
    expect(report.summary).toMatchObject({ groupsCreated: 1, groupsChanged: 1, groupsRemoved: 1 });
  });
});

describe("the change-set digest", () => {
  const changes = (newId: string, at: string): GenerationChanges => ({
    gen: 4,
    created: [created("User", newId, user(newId, "9", { meta: { ...META, created: at } }))],
    updated: [updated("Group", "g-1", group("g-1", "Sales", []), group("g-1", "Sales", [[newId, "Person 9"]]))],
    removed: [removed("User", "u-3")],
  });

  it("is the same for the same changes whatever ids the new resources drew and whenever they were made", () => {
    expect(changeSetDigest(changes("preview-id", "2026-01-10T08:00:00.000Z"))).toBe(
      changeSetDigest(changes("run-id", "2026-01-11T09:00:00.000Z")),
    );
  });

  it("differs when a created resource's content differs", () => {
    const other = changes("run-id", "2026-01-10T08:00:00.000Z");
    const changed = { ...other, created: [created("User", "run-id", user("run-id", "9", { title: "Chef" }))] };
    expect(changeSetDigest(changed)).not.toBe(changeSetDigest(other));
  });
});

describe("comparing a preview with the run after it", () => {
  const before = user("u-2", "2");
  const after = user("u-2", "2", { title: "Chef" });
  const report = buildPreviewReport(input({ updated: [updated("User", "u-2", before, after)] }));
  const run = { id: 12, status: "succeeded" as const, baseGen: 3, appliedAt: "2026-01-10T09:00:00.000Z", digest: null };

  it("matches when the run's counters and history are what the preview said", () => {
    const history = [{ person: "2", field: "title", oldValue: null, newValue: "Chef", reason: null }];
    expect(
      compareWithRun(report, {
        ...run,
        stats: { companies: 1, employees: 4, calls: 2, bytes: 9, created: 0, updated: 1, removed: 0 },
        history,
      }),
    ).toMatchObject({
      runId: 12,
      verdict: "matches",
      differences: [],
    });
  });

  it("lists what differs", () => {
    const history = [{ person: "2", field: "title", oldValue: null, newValue: "Directeur", reason: null }];
    const comparison = compareWithRun(report, {
      ...run,
      stats: { companies: 1, employees: 4, calls: 2, bytes: 9, created: 1, updated: 1, removed: 0 },
      history,
      digest: "other",
    });
    expect(comparison.verdict).toBe("differs");
    expect(comparison.differences).toEqual([
      "created resources: preview 0, run 1",
      "in the preview, not applied: 2 title: — → Chef",
      "applied, not in the preview: 2 title: — → Directeur",
      "the change-set digests differ: some resource was served with other content than previewed",
    ]);
  });

  it("does not compare with a run that started from another generation", () => {
    expect(compareWithRun(report, { ...run, baseGen: 4, stats: null, history: [] }).verdict).toBe("not comparable");
  });
});

describe("the CSV export", () => {
  it("starts with the summary and keeps a formula typed into HR as text", () => {
    const report = buildPreviewReport(
      input({ updated: [updated("User", "u-2", user("u-2", "2"), user("u-2", "2", { title: '=HYPERLINK("x")' }))] }),
    );
    const lines = previewCsv(report).split("\r\n");
    expect(lines[0]).toBe("section,change,scim_id,external_id,name,user_name,field,old,new,reason");
    expect(lines[1]).toBe("summary,,,,,,listed,,4,");
    expect(lines).toContain(
      `person,changes,u-2,2,Person 2,2@acme.nl,title,,"'=HYPERLINK(""x"")",active: employment 2020-01-01–`,
    );
  });
});
