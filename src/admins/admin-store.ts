import { asc, eq, sql } from "drizzle-orm";
import { drizzleOf, type Sqlite } from "../db/open.js";
import { admins } from "../db/schema.js";
import { hashSecret, verifySecret } from "../secrets/password-hash.js";

/** A console admin, as the session middleware knows them. */
export interface Admin {
  readonly id: number;
  readonly username: string;
}

/** Verified against when the account does not exist, so a wrong name costs as much time as a wrong password. */
const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

export function foldUsername(username: string): string {
  return username.normalize("NFC").trim().toLowerCase();
}

export function hasAdmin(sqlite: Sqlite): boolean {
  return drizzleOf(sqlite).select({ id: admins.id }).from(admins).limit(1).get() !== undefined;
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
  const orm = drizzleOf(sqlite);
  // drizzle's insert has no INSERT … SELECT … WHERE NOT EXISTS with literal values; the statement stays one.
  const result = orm.run(
    sql`INSERT INTO ${admins} (username, username_fold, password_hash, created_at)
        SELECT ${username.trim()}, ${foldUsername(username)}, ${passwordHash}, ${now}
        WHERE NOT EXISTS (SELECT 1 FROM ${admins})`,
  );
  return result.changes === 1 ? { id: Number(result.lastInsertRowid), username: username.trim() } : null;
}

/** The admin whose name and password match, or null (also for an unknown name, after the same work). */
export async function verifyAdmin(sqlite: Sqlite, username: string, password: string): Promise<Admin | null> {
  const row = drizzleOf(sqlite)
    .select({ id: admins.id, username: admins.username, passwordHash: admins.passwordHash })
    .from(admins)
    .where(eq(admins.usernameFold, foldUsername(username)))
    .get();
  const ok = await verifySecret(password, row?.passwordHash ?? DUMMY_HASH);
  return row && ok ? { id: row.id, username: row.username } : null;
}

export function recordLogin(sqlite: Sqlite, adminId: number, now: string): void {
  drizzleOf(sqlite).update(admins).set({ lastLoginAt: now }).where(eq(admins.id, adminId)).run();
}

/** Every admin's user name, as typed at setup. */
export function adminNames(sqlite: Sqlite): string[] {
  return drizzleOf(sqlite)
    .select({ username: admins.username })
    .from(admins)
    .orderBy(asc(admins.id))
    .all()
    .map((row) => row.username);
}

/** The console language the admin chose (the console checks it is one it speaks), or null when never chosen. */
export function adminLanguage(sqlite: Sqlite, adminId: number): string | null {
  return (
    drizzleOf(sqlite).select({ language: admins.language }).from(admins).where(eq(admins.id, adminId)).get()
      ?.language ?? null
  );
}

export function setAdminLanguage(sqlite: Sqlite, adminId: number, language: string): void {
  drizzleOf(sqlite).update(admins).set({ language }).where(eq(admins.id, adminId)).run();
}
