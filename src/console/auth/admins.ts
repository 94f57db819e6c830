import type { Sqlite } from "../../db/open.js";
import { prepared } from "../../db/statements.js";
import { hashSecret, verifySecret } from "../../secrets/password-hash.js";
import type { Admin } from "./admin.js";
import { isLanguage, type Language } from "../i18n/language.js";

/** Verified against when the account does not exist, so a wrong name costs as much time as a wrong password. */
const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

export function foldUsername(username: string): string {
  return username.normalize("NFC").trim().toLowerCase();
}

export function hasAdmin(sqlite: Sqlite): boolean {
  return prepared(sqlite, "SELECT EXISTS (SELECT 1 FROM admins)").pluck().get() === 1;
}

/**
 * Creates the first admin, only while there is none: the check and the insert are one statement, so two browsers
 * racing through the setup page cannot both create one. Returns null when an admin already exists.
 */
export async function createFirstAdmin(
  sqlite: Sqlite,
  username: string,
  password: string,
  now: string,
): Promise<Admin | null> {
  const passwordHash = await hashSecret(password);
  const result = prepared(
    sqlite,
    `INSERT INTO admins (username, username_fold, password_hash, created_at)
     SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM admins)`,
  ).run(username.trim(), foldUsername(username), passwordHash, now);
  return result.changes === 1 ? { id: Number(result.lastInsertRowid), username: username.trim() } : null;
}

/** The admin whose name and password match, or null (also for an unknown name, after the same work). */
export async function verifyAdmin(sqlite: Sqlite, username: string, password: string): Promise<Admin | null> {
  const row = prepared(
    sqlite,
    "SELECT id, username, password_hash AS passwordHash FROM admins WHERE username_fold = ?",
  ).get(foldUsername(username)) as { id: number; username: string; passwordHash: string } | undefined;
  const ok = await verifySecret(password, row?.passwordHash ?? DUMMY_HASH);
  return row && ok ? { id: row.id, username: row.username } : null;
}

export function recordLogin(sqlite: Sqlite, adminId: number, now: string): void {
  prepared(sqlite, "UPDATE admins SET last_login_at = ? WHERE id = ?").run(now, adminId);
}

/** Every admin's user name, as typed at setup. */
export function adminNames(sqlite: Sqlite): string[] {
  return prepared(sqlite, "SELECT username FROM admins ORDER BY id").pluck().all() as string[];
}

/** The console language the admin chose, or null when they never chose one (the browser's then decides). */
export function adminLanguage(sqlite: Sqlite, adminId: number): Language | null {
  const value = prepared(sqlite, "SELECT language FROM admins WHERE id = ?").pluck().get(adminId);
  return isLanguage(value) ? value : null;
}

export function setAdminLanguage(sqlite: Sqlite, adminId: number, language: Language): void {
  prepared(sqlite, "UPDATE admins SET language = ? WHERE id = ?").run(language, adminId);
}
