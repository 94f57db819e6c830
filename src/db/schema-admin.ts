/**
 * Drizzle's view of migrations/0004_console.sql (admins, their sessions and sign-in attempts, the audit trail, the
 * application log) and 0013_admin_language.sql.
 */
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const admins = sqliteTable("admins", {
  id: integer("id").primaryKey(),
  username: text("username").notNull(),
  usernameFold: text("username_fold").notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  createdAt: text("created_at").notNull(),
  lastLoginAt: text("last_login_at"),
  // migrations/0013_admin_language.sql
  language: text("language"),
});

export const sessions = sqliteTable("sessions", {
  idHash: text("id_hash").primaryKey(),
  adminId: integer("admin_id").notNull(),
  csrfToken: text("csrf_token").notNull(),
  createdAt: text("created_at").notNull(),
  lastSeenAt: text("last_seen_at").notNull(),
  expiresAt: text("expires_at").notNull(),
  address: text("address"),
});

export const loginAttempts = sqliteTable("login_attempts", {
  id: integer("id").primaryKey(),
  at: text("at").notNull(),
  address: text("address").notNull(),
  usernameFold: text("username_fold").notNull(),
  succeeded: integer("succeeded", { mode: "boolean" }).notNull(),
});

export const auditLog = sqliteTable("audit_log", {
  id: integer("id").primaryKey(),
  at: text("at").notNull(),
  actor: text("actor"),
  address: text("address"),
  action: text("action").notNull(),
  connectorId: text("connector_id"),
  detail: text("detail"),
});

export const appLog = sqliteTable("app_log", {
  id: integer("id").primaryKey(),
  at: text("at").notNull(),
  level: integer("level").notNull(),
  connectorId: text("connector_id"),
  msg: text("msg").notNull(),
  fields: text("fields"),
});
