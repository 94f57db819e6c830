import { isIP } from "node:net";
import type { Clock } from "../clock.js";
import { recordAudit } from "../audit/audit-store.js";
import { adminNames, foldUsername } from "../admins/admin-store.js";
import { LoginThrottle } from "../admins/login-throttle.js";
import type { Sqlite } from "../db/open.js";
import { OpsError } from "./ops-error.js";

export interface UnlockRequest {
  readonly username: string;
  /** Also clear this address, when the whole address was refused (many names tried from it, or a shared NAT). */
  readonly address?: string;
  readonly actor: string;
  readonly clock: Clock;
}

export interface Unlocked {
  readonly username: string;
  /** Failed sign-ins forgotten: of the account (from every address), and of the address given. */
  readonly accountFailures: number;
  readonly addressFailures: number;
}

/**
 * Lets an admin sign in again at once: forgets the failed sign-ins that make the throttle refuse the account and,
 * when given, an address. The throttle reads them from the database on every attempt, so this works on a running
 * gateway as well as a stopped one. Recorded in the audit trail.
 */
export function unlockAdmin(sqlite: Sqlite, request: UnlockRequest): Unlocked {
  if (request.address !== undefined && isIP(request.address) === 0)
    throw new OpsError(`"${request.address}" is not an IP address`);
  const names = adminNames(sqlite);
  const username = names.find((name) => foldUsername(name) === foldUsername(request.username));
  if (!username) {
    throw new OpsError(
      `there is no admin named "${request.username}"; the admins are: ${names.length > 0 ? names.join(", ") : "(none yet)"}`,
    );
  }
  const forgotten = new LoginThrottle(sqlite).forget(foldUsername(username), request.address);
  const detail = `${forgotten.account} failed sign-ins of ${username} forgotten${
    request.address === undefined ? "" : `, and ${forgotten.address} from ${request.address}`
  }`;
  recordAudit(
    sqlite,
    { action: "login_unlock", actor: request.actor, address: request.address ?? null, detail },
    request.clock(),
  );
  return { username, accountFailures: forgotten.account, addressFailures: forgotten.address };
}
