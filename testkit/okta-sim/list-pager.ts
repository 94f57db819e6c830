import type { OktaScimClient, ScimReply } from "./okta-scim-client.js";
import type { ScimResource } from "../../src/forecast/okta-model/scim-resource.js";
import { ScimProtocolViolation } from "./scim-protocol-violation.js";

export type { ScimResource };

export interface ListPage {
  readonly totalResults: number;
  readonly startIndex: number;
  readonly itemsPerPage: number;
  readonly Resources: readonly ScimResource[];
}

/** Okta's fixed page size (Okta's SCIM documentation). */
export const OKTA_PAGE_SIZE = 100;

/**
 * A full scan as Okta runs it: startIndex=1, then +100 (whatever the page held) until totalResults is covered.
 * Every rule Okta silently depends on is checked on every page.
 */
export async function readAllPages(
  client: OktaScimClient,
  endpoint: "Users" | "Groups",
  pageSize = OKTA_PAGE_SIZE,
): Promise<{ readonly resources: ScimResource[]; readonly pages: number }> {
  const resources: ScimResource[] = [];
  const seen = new Set<string>();
  let totalResults: number | undefined;
  let pages = 0;
  for (let startIndex = 1; totalResults === undefined || startIndex <= totalResults; startIndex += pageSize) {
    const request = `GET ${endpoint}?startIndex=${startIndex}&count=${pageSize}`;
    const page = readListPage(request, await client.get(`${endpoint}?startIndex=${startIndex}&count=${pageSize}`));
    pages += 1;
    if (page.startIndex !== startIndex)
      fail(request, `startIndex ${page.startIndex} does not echo the requested ${startIndex}`);
    if (totalResults !== undefined && page.totalResults !== totalResults) {
      fail(
        request,
        `totalResults changed from ${totalResults} to ${page.totalResults} during the import (paging is not import-consistent)`,
      );
    }
    totalResults = page.totalResults;
    const expected = Math.min(pageSize, Math.max(0, totalResults - startIndex + 1));
    if (page.Resources.length !== expected) {
      fail(
        request,
        `${page.Resources.length} resources on a page that should hold ${expected} (Okta advances by ${pageSize} regardless)`,
      );
    }
    for (const resource of page.Resources) {
      if (seen.has(resource.id)) fail(request, `id ${resource.id} was already served on an earlier page`);
      seen.add(resource.id);
      resources.push(resource);
    }
  }
  return { resources, pages };
}

/** One ListResponse, checked: status 200, JSON, integer counters, itemsPerPage equal to the page, ids present. */
export function readListPage(request: string, reply: ScimReply): ListPage {
  if (reply.status !== 200) fail(request, `status ${reply.status} (${reply.body.slice(0, 200)})`);
  if (!/json/i.test(String(reply.headers["content-type"] ?? "")))
    fail(request, `Content-Type ${reply.headers["content-type"]} is not JSON`);
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(reply.body) as Record<string, unknown>;
  } catch {
    return fail(request, "the body is not JSON");
  }
  if (!Array.isArray(body.schemas) || !body.schemas.includes("urn:ietf:params:scim:api:messages:2.0:ListResponse")) {
    fail(request, "schemas does not name the ListResponse URN");
  }
  for (const counter of ["totalResults", "startIndex", "itemsPerPage"] as const) {
    if (!Number.isInteger(body[counter]))
      fail(request, `${counter} is ${JSON.stringify(body[counter])}, not a JSON integer`);
  }
  if (!Array.isArray(body.Resources)) fail(request, "Resources is not an array");
  const resources = body.Resources as Record<string, unknown>[];
  if (resources.length !== body.itemsPerPage)
    fail(request, `itemsPerPage ${body.itemsPerPage} but ${resources.length} Resources`);
  for (const resource of resources) {
    if (typeof resource.id !== "string" || resource.id === "")
      fail(request, `a resource without an id: ${JSON.stringify(resource).slice(0, 200)}`);
  }
  return body as unknown as ListPage;
}

function fail(request: string, problem: string): never {
  throw new ScimProtocolViolation(request, problem);
}
