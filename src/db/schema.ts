/**
 * The tables, as the stores' queries see them: every table `migrations/*.sql` creates is declared here (with
 * schema-admin.ts and schema-scim.ts). The hand-written migrations are what runs; test/unit/db/schema.test.ts fails
 * when a table or column is missing on either side.
 */
import { blob, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const connectors = sqliteTable("connectors", {
  id: text("id").primaryKey(),
  kind: text("kind").notNull(),
  origin: text("origin", { enum: ["file", "console"] }).notNull(),
  settings: text("settings").notNull(),
  secrets: blob("secrets", { mode: "buffer" }),
  currentGen: integer("current_gen").notNull().default(0),
  attention: text("attention"),
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
  // migrations/0005_api_switch.sql
  sourceKeyKind: text("source_key_kind"),
});

export const scimCredentials = sqliteTable("scim_credentials", {
  id: integer("id").primaryKey(),
  connectorId: text("connector_id").notNull(),
  scheme: text("scheme", { enum: ["basic", "bearer"] }).notNull(),
  username: text("username"),
  secretHash: text("secret_hash").notNull(),
  origin: text("origin", { enum: ["file", "console"] }).notNull(),
  createdAt: text("created_at").notNull(),
  revokedAt: text("revoked_at"),
  lastUsedAt: text("last_used_at"),
});

export const scimResources = sqliteTable(
  "scim_resources",
  {
    rowId: integer("row_id").primaryKey(),
    connectorId: text("connector_id").notNull(),
    resourceType: text("resource_type", { enum: ["User", "Group"] }).notNull(),
    scimId: text("scim_id").notNull(),
    seq: integer("seq").notNull(),
    genFrom: integer("gen_from").notNull(),
    genTo: integer("gen_to"),
    userName: text("user_name"),
    userNameFold: text("user_name_fold"),
    externalId: text("external_id"),
    displayNameFold: text("display_name_fold"),
    active: integer("active"),
    version: text("version").notNull(),
    created: text("created").notNull(),
    lastModified: text("last_modified").notNull(),
    body: text("body").notNull(),
    /** Groups: how many members, and their JSON array, kept last in the row (migrations/0015_group_members.sql). */
    memberCount: integer("member_count"),
    members: text("members"),
  },
  (table) => [
    index("scim_resources_scan").on(table.connectorId, table.resourceType, table.seq, table.genFrom, table.genTo),
  ],
);

export const people = sqliteTable(
  "people",
  {
    connectorId: text("connector_id").notNull(),
    sourceKey: text("source_key").notNull(),
    scimId: text("scim_id").notNull().unique(),
    seq: integer("seq").notNull(),
    companyNumber: text("company_number").notNull(),
    employeeNumber: text("employee_number").notNull(),
    birthDateHash: text("birth_date_hash"),
    emailFold: text("email_fold"),
    state: text("state").notNull(),
    stateReason: text("state_reason").notNull(),
    stateSince: text("state_since").notNull(),
    lastSeenAt: text("last_seen_at"),
    missingSince: text("missing_since"),
    lastPerson: text("last_person"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    // migrations/0003_sync.sql
    graceSince: text("grace_since"),
    personHash: text("person_hash"),
  },
  (table) => [primaryKey({ columns: [table.connectorId, table.sourceKey] })],
);

export const scimGroups = sqliteTable(
  "scim_groups",
  {
    connectorId: text("connector_id").notNull(),
    groupKey: text("group_key").notNull(),
    scimId: text("scim_id").notNull().unique(),
    seq: integer("seq").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (table) => [primaryKey({ columns: [table.connectorId, table.groupKey] })],
);

export const sequences = sqliteTable(
  "sequences",
  {
    connectorId: text("connector_id").notNull(),
    name: text("name").notNull(),
    value: integer("value").notNull(),
  },
  (table) => [primaryKey({ columns: [table.connectorId, table.name] })],
);

export const syncRuns = sqliteTable("sync_runs", {
  id: integer("id").primaryKey(),
  connectorId: text("connector_id").notNull(),
  trigger: text("trigger").notNull(),
  status: text("status").notNull(),
  startedAt: text("started_at").notNull(),
  finishedAt: text("finished_at"),
  baseGen: integer("base_gen"),
  appliedGen: integer("applied_gen"),
  stats: text("stats"),
  error: text("error"),
  plan: blob("plan", { mode: "buffer" }),
  // migrations/0003_sync.sql
  pid: integer("pid"),
  affected: text("affected"),
  decidedBy: text("decided_by"),
  decidedAt: text("decided_at"),
});

export const personChanges = sqliteTable("person_changes", {
  id: integer("id").primaryKey(),
  runId: integer("run_id").notNull(),
  connectorId: text("connector_id").notNull(),
  scimId: text("scim_id").notNull(),
  at: text("at").notNull(),
  field: text("field").notNull(),
  oldValue: text("old_value"),
  newValue: text("new_value"),
  reason: text("reason"),
});

export const problems = sqliteTable("problems", {
  id: integer("id").primaryKey(),
  connectorId: text("connector_id").notNull(),
  runId: integer("run_id").notNull(),
  kind: text("kind").notNull(),
  sourceKey: text("source_key"),
  scimId: text("scim_id"),
  detail: text("detail").notNull(),
});

export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
// migrations/0009_sync_previews.sql
export const syncPreviews = sqliteTable("sync_previews", {
  id: integer("id").primaryKey(),
  connectorId: text("connector_id").notNull(),
  createdAt: text("created_at").notNull(),
  createdBy: text("created_by").notNull(),
  baseGen: integer("base_gen").notNull(),
  summary: text("summary").notNull(),
  digest: text("digest").notNull(),
  report: blob("report", { mode: "buffer" }).notNull(),
});

export const syncRunDigests = sqliteTable("sync_run_digests", {
  runId: integer("run_id").primaryKey(),
  digest: text("digest").notNull(),
});

export * from "./schema-admin.js";
export * from "./schema-scim.js";

export const personHolds = sqliteTable("person_holds", {
  id: integer("id").primaryKey(),
  connectorId: text("connector_id").notNull(),
  scimId: text("scim_id").notNull(),
  sourceKey: text("source_key").notNull(),
  companyNumber: text("company_number").notNull(),
  label: text("label").notNull(),
  kind: text("kind").notNull(),
  fingerprint: text("fingerprint").notNull(),
  detail: text("detail").notNull(),
  firstRunId: integer("first_run_id").notNull(),
  lastRunId: integer("last_run_id").notNull(),
  since: text("since").notNull(),
  status: text("status").notNull(),
  decidedBy: text("decided_by"),
  decidedAt: text("decided_at"),
});

// migrations/0017_person_exclusions.sql: owned by sync/exclusions/exclusion-store.ts.
export const personExclusions = sqliteTable(
  "person_exclusions",
  {
    connectorId: text("connector_id").notNull(),
    scimId: text("scim_id").notNull(),
    label: text("label").notNull(),
    reason: text("reason").notNull(),
    excludedBy: text("excluded_by").notNull(),
    since: text("since").notNull(),
  },
  (table) => [primaryKey({ columns: [table.connectorId, table.scimId] })],
);

// The HR list (migrations/0004_console.sql, 0012_hr_list_dutch_names.sql): written by its triggers, read by the console.
export const hrList = sqliteTable("hr_list", {
  scimId: text("scim_id").primaryKey(),
  connectorId: text("connector_id").notNull(),
  state: text("state").notNull(),
  sortName: text("sort_name").notNull(),
  displayName: text("display_name").notNull(),
  email: text("email"),
  employeeNumber: text("employee_number").notNull(),
  companyName: text("company_name"),
  terms: text("terms").notNull(),
});

// migrations/0020_hr_list_counts.sql: written with hr_list by sync/people-store.ts, read by sync/hr-list-store.ts.
export const hrListCounts = sqliteTable(
  "hr_list_counts",
  {
    connectorId: text("connector_id").notNull(),
    state: text("state").notNull(),
    people: integer("people").notNull(),
  },
  (table) => [primaryKey({ columns: [table.connectorId, table.state] })],
);

// migrations/0011_okta_links.sql
export const oktaLinks = sqliteTable(
  "okta_links",
  {
    connectorId: text("connector_id").notNull(),
    scimId: text("scim_id").notNull(),
    firstGen: integer("first_gen").notNull(),
  },
  (table) => [primaryKey({ columns: [table.connectorId, table.scimId] })],
);

// migrations/0016_generated_logins.sql
export const generatedLogins = sqliteTable(
  "generated_logins",
  {
    connectorId: text("connector_id").notNull(),
    userNameFold: text("user_name_fold").notNull(),
    userName: text("user_name").notNull(),
    scimId: text("scim_id").notNull(),
    givenAt: text("given_at").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.connectorId, table.userNameFold] }),
    index("generated_logins_by_person").on(table.connectorId, table.scimId),
  ],
);

// migrations/0018_read_digests.sql: owned by sync/unchanged/read-digest-store.ts.
export const readDigests = sqliteTable(
  "read_digests",
  {
    connectorId: text("connector_id").notNull(),
    companyNumber: text("company_number").notNull(),
    runId: integer("run_id").notNull(),
    digest: text("digest").notNull(),
    rawDigest: text("raw_digest"),
  },
  (table) => [primaryKey({ columns: [table.connectorId, table.companyNumber] })],
);
