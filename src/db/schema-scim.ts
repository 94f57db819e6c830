/**
 * Drizzle's view of migrations/0002_scim.sql (what the SCIM API saw), for the console's dashboard and request-log
 * pages. The SCIM side writes these tables with batched raw SQL (src/scim/observe/).
 */
import { integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const scimRequestLog = sqliteTable("scim_request_log", {
  id: integer("id").primaryKey(),
  at: text("at").notNull(),
  requestId: text("request_id").notNull(),
  connectorId: text("connector_id"),
  method: text("method").notNull(),
  path: text("path").notNull(),
  query: text("query"),
  status: integer("status").notNull(),
  durationMs: real("duration_ms").notNull(),
  resultCount: integer("result_count"),
  totalResults: integer("total_results"),
  credentialId: integer("credential_id"),
  clientAddress: text("client_address"),
  userAgent: text("user_agent"),
  error: text("error"),
});

export const scimImports = sqliteTable("scim_imports", {
  id: text("id").primaryKey(),
  connectorId: text("connector_id").notNull(),
  resourceType: text("resource_type", { enum: ["User", "Group"] }).notNull(),
  kind: text("kind", { enum: ["import", "connection-test"] }).notNull(),
  credentialId: integer("credential_id"),
  userAgent: text("user_agent"),
  clientAddress: text("client_address"),
  generation: integer("generation").notNull(),
  pageSize: integer("page_size").notNull(),
  totalResults: integer("total_results").notNull(),
  pages: integer("pages").notNull(),
  resourcesServed: integer("resources_served").notNull(),
  startedAt: text("started_at").notNull(),
  lastPageAt: text("last_page_at").notNull(),
  completedAt: text("completed_at"),
});
