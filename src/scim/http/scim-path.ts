import { getPath } from "hono/utils/url";
import { SCIM_MOUNT_PATH } from "../scim-env.js";

// Endpoint names are matched case-insensitively: Postman (and so newman) sends "/users", Okta "/Users".
const ENDPOINTS = new Map(
  ["Users", "Groups", "Schemas", "ResourceTypes", "ServiceProviderConfig", "Bulk", "Me", ".search"].map((name) => [
    name.toLowerCase(),
    name,
  ]),
);
const RESOURCE_ENDPOINTS = new Set(["Users", "Groups"]);

/**
 * The SCIM app is mounted on SCIM_MOUNT_PATH with the request passed through as it came (see scimHandler):
 * rewriting its URL meant building a new Request object for every page of an import.
 */
function withoutMountPath(path: string): string {
  return path.startsWith(`${SCIM_MOUNT_PATH}/`) ? path.slice(SCIM_MOUNT_PATH.length) : path;
}

/**
 * Hono's getPath for the SCIM app: `/<connector>/<endpoint>[/<id or .search>]` (below the mount path) with the endpoint (and a trailing
 * `.search`) in canonical case and a trailing slash dropped. Ids and the connector id keep their case: ids are
 * case-exact.
 */
export function scimPath(request: Request): string {
  const segments = withoutMountPath(getPath(request)).split("/");
  if (segments.length > 2 && segments.at(-1) === "") segments.pop();
  const endpoint = ENDPOINTS.get(segments[2]?.toLowerCase() ?? "");
  if (endpoint) segments[2] = endpoint;
  if (endpoint && RESOURCE_ENDPOINTS.has(endpoint) && segments[3]?.toLowerCase() === ".search") segments[3] = ".search";
  return segments.join("/");
}
