import { applyGroupImport, type GroupImportSummary } from "../../src/forecast/okta-model/group-import-rules.js";
import { readAllPages, readListPage, type ScimResource } from "./list-pager.js";
import { OktaDirectory } from "../../src/forecast/okta-model/okta-directory.js";
import { OktaScimClient } from "./okta-scim-client.js";
import { ScimProtocolViolation } from "./scim-protocol-violation.js";
import {
  applyUserImport,
  OKTA_SAFEGUARD,
  type ImportSafeguard,
  type UserImportSummary,
} from "../../src/forecast/okta-model/user-import-rules.js";

export interface ImportSimulatorOptions {
  /** The connector's SCIM Base URL, as entered in Okta. */
  readonly baseUrl: string;
  /** The Authorization value exactly as Okta sends it (`Basic …`, `Bearer …`, or a bare Header Auth token). */
  readonly authorization: string;
  readonly safeguard?: ImportSafeguard;
}

/**
 * Okta without a tenant: replays the requests Okta's SCIM client makes against our server (Test API Credentials,
 * full user and group imports, userName lookups) and applies Okta's import rules to a simulated Okta directory,
 * so tests and benchmarks can assert what an admin would see. Protocol violations throw ScimProtocolViolation.
 */
export class OktaImportSimulator {
  readonly directory = new OktaDirectory();
  private readonly client: OktaScimClient;
  private readonly safeguard: ImportSafeguard;

  constructor(options: ImportSimulatorOptions) {
    this.client = new OktaScimClient(options.baseUrl, options.authorization);
    this.safeguard = options.safeguard ?? OKTA_SAFEGUARD;
  }

  /** "Test API Credentials": the one request Okta makes, with its constant parameters. */
  async testApiCredentials(): Promise<{ readonly totalResults: number }> {
    const request = "GET Users?startIndex=1&count=2";
    const page = readListPage(request, await this.client.get("Users?startIndex=1&count=2"));
    if (page.startIndex !== 1 || page.Resources.length > 2)
      throw new ScimProtocolViolation(request, "not the first page of at most 2 users");
    return { totalResults: page.totalResults };
  }

  /** "Import Now" for users: a full scan, then Okta's matching, lifecycle and safeguard rules. */
  async importUsers(): Promise<UserImportSummary & { readonly pages: number }> {
    const { resources, pages } = await readAllPages(this.client, "Users");
    for (const resource of resources) requireOktaUserFields(resource);
    return { ...applyUserImport(this.directory, resources, this.safeguard), pages };
  }

  async importGroups(): Promise<GroupImportSummary & { readonly pages: number }> {
    const { resources, pages } = await readAllPages(this.client, "Groups");
    return { ...applyGroupImport(this.directory, resources), pages };
  }

  /** Okta's existence check before it pushes or re-links a user. */
  async findUserByUserName(userName: string): Promise<ScimResource | undefined> {
    const query = `Users?filter=${encodeURIComponent(`userName eq ${JSON.stringify(userName)}`)}&startIndex=1&count=100`;
    const page = readListPage(`GET ${query}`, await this.client.get(query));
    if (page.totalResults > 1)
      throw new ScimProtocolViolation(`GET ${query}`, `${page.totalResults} users share one userName`);
    return page.Resources[0];
  }

  close(): void {
    this.client.close();
  }
}

/** What Okta needs on every imported user (Okta's SCIM documentation), and what it must never get. */
function requireOktaUserFields(resource: ScimResource): void {
  const problem = (text: string) => new ScimProtocolViolation(`GET Users (id ${resource.id})`, text);
  const name = (resource.name ?? {}) as Record<string, unknown>;
  const emails = Array.isArray(resource.emails) ? (resource.emails as Record<string, unknown>[]) : [];
  if (typeof resource.userName !== "string" || resource.userName === "") throw problem("no userName");
  if (typeof resource.active !== "boolean")
    throw problem(`active is ${JSON.stringify(resource.active)}, not a boolean`);
  if (typeof name.givenName !== "string" || typeof name.familyName !== "string")
    throw problem("name.givenName or name.familyName missing");
  if (emails.filter((email) => email.primary === true).length !== 1)
    throw problem("not exactly one e-mail marked primary");
  if ("password" in resource) throw problem("a password is served");
}
