import type { ScimResource } from "./scim-resource.js";

/** What Okta keeps of an imported user: the profile its "App to Okta User" mappings produce. */
export interface OktaProfile {
  readonly login: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly displayName: string | null;
  readonly email: string | null;
  readonly title: string | null;
  readonly department: string | null;
  readonly employeeNumber: string | null;
  readonly managerId: string | null;
}

export interface OktaUser {
  readonly profile: OktaProfile;
  readonly status: "ACTIVE" | "DEPROVISIONED";
  /** The SCIM id of the app user it is linked to (Okta stores it as the app user's externalId). */
  readonly appUserId: string | null;
}

export interface OktaGroup {
  readonly id: string;
  readonly displayName: string;
  /** Logins of the Okta users the group's members resolved to. */
  readonly members: ReadonlySet<string>;
}

/** The simulated Okta org: users by login (case-sensitive, as Okta matches), app groups by SCIM id. */
export class OktaDirectory {
  private readonly byLogin = new Map<string, OktaUser>();
  private readonly loginByAppUser = new Map<string, string>();
  readonly groups = new Map<string, OktaGroup>();

  get users(): ReadonlyMap<string, OktaUser> {
    return this.byLogin;
  }

  /** The Okta user linked to an app user (SCIM id), if any. */
  linkedTo(appUserId: string): OktaUser | undefined {
    const login = this.loginByAppUser.get(appUserId);
    return login === undefined ? undefined : this.byLogin.get(login);
  }

  /** Adds or replaces a user; a linked user whose login changed (userName changed in HR) moves to the new login. */
  put(user: OktaUser): void {
    if (user.appUserId !== null) {
      const previous = this.loginByAppUser.get(user.appUserId);
      if (previous !== undefined && previous !== user.profile.login) this.byLogin.delete(previous);
      this.loginByAppUser.set(user.appUserId, user.profile.login);
    }
    this.byLogin.set(user.profile.login, user);
  }
}

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

/** The default SCIM 2.0 template mappings (Okta's SCIM documentation): the primary e-mail, the name parts, … */
export function profileOf(resource: ScimResource): OktaProfile {
  const name = (resource.name ?? {}) as Record<string, unknown>;
  const emails = Array.isArray(resource.emails) ? (resource.emails as Record<string, unknown>[]) : [];
  const enterprise = (resource[ENTERPRISE] ?? {}) as Record<string, unknown>;
  const manager = (enterprise.manager ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  return {
    login: String(resource.userName),
    firstName: text(name.givenName),
    lastName: text(name.familyName),
    displayName: text(resource.displayName),
    email: text(emails.find((email) => email.primary === true)?.value),
    title: text(resource.title),
    department: text(enterprise.department),
    employeeNumber: text(enterprise.employeeNumber),
    managerId: text(manager.value),
  };
}
