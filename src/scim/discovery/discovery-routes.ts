import { Hono, type Context } from "hono";
import { scimResponse } from "../http/scim-response.js";
import { listResponse } from "../list/list-response.js";
import { ScimError } from "../scim-error.js";
import { baseUrl, type ScimAppDeps, type ScimEnv } from "../scim-env.js";
import { resourceTypeDocuments, schemaDocuments, serviceProviderConfig } from "./discovery-documents.js";

/**
 * RFC 7644 §4 discovery endpoints; the documents describe what this gateway serves, the same for every connector
 * but for the custom attributes a connector's mapping adds to the hrgateway extension.
 */
export function discoveryRoutes(deps: ScimAppDeps): Hono<ScimEnv> {
  const app = new Hono<ScimEnv>();
  const base = (c: Context<ScimEnv>) => baseUrl(deps, c.get("connectorId"));
  app.get("/ServiceProviderConfig", (c) => one(c, [serviceProviderConfig(base(c))], undefined));
  const schemas = (c: Context<ScimEnv>) =>
    schemaDocuments(base(c), deps.customAttributes?.(c.get("connectorId")) ?? []);
  app.get("/Schemas", (c) => list(c, schemas(c)));
  app.get("/Schemas/:id", (c) => one(c, schemas(c), c.req.param("id")));
  app.get("/ResourceTypes", (c) => list(c, resourceTypeDocuments(base(c))));
  app.get("/ResourceTypes/:id", (c) => one(c, resourceTypeDocuments(base(c)), c.req.param("id")));
  return app;
}

// RFC 7644 §4: filtering discovery documents is not supported, and says so with 403.
function refuseFilter(c: Context<ScimEnv>): void {
  if (new URL(c.req.url).searchParams.has("filter"))
    throw new ScimError(403, "Discovery endpoints cannot be filtered.");
}

function list(c: Context<ScimEnv>, documents: readonly Record<string, unknown>[]): Response {
  refuseFilter(c);
  c.set("outcome", { results: documents.length, totalResults: documents.length });
  return scimResponse(
    c,
    listResponse(
      documents.length,
      1,
      documents.length,
      Buffer.from(documents.map((document) => JSON.stringify(document)).join(",")),
    ),
  );
}

/** One document: the one whose id is `id`, or the only one when `id` is undefined (ServiceProviderConfig). */
function one(c: Context<ScimEnv>, documents: readonly Record<string, unknown>[], id: string | undefined): Response {
  refuseFilter(c);
  const document =
    id === undefined
      ? documents[0]
      : documents.find((candidate) => String(candidate.id).toLowerCase() === id.toLowerCase());
  if (!document) throw new ScimError(404, `${c.req.path.split("/")[2]} ${id} not found.`);
  return scimResponse(c, JSON.stringify(document));
}
