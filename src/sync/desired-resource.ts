import type { DesiredResource, ResourceType } from "../directory/resource.js";

type Resource = Readonly<Record<string, unknown>>;

/**
 * A resource as the directory stores it, with the index columns Okta's lookups use taken from the resource itself.
 * The same function serves fresh resources and resources read back from a held plan, so both index alike.
 */
export function desiredResource(type: ResourceType, seq: number, resource: Resource): DesiredResource {
  const text = (key: string) => (typeof resource[key] === "string" ? (resource[key] as string) : null);
  if (type === "Group") return { type, scimId: text("id")!, seq, resource, displayName: text("displayName") };
  const userName = text("userName");
  // `emails.value` filters read the userName's column and index (src/scim/filter/indexed-columns.ts): a user whose
  // e-mail were anything else would be found by the wrong address, so it stops the run rather than being served.
  if (!servesUserNameAsEmail(resource, userName))
    throw new Error(`user ${text("id")}: its one e-mail must be its userName (the e-mail lookups use the userName)`);
  return {
    type,
    scimId: text("id")!,
    seq,
    resource,
    userName,
    externalId: text("externalId"),
    active: resource.active === true,
  };
}

/** Exactly one e-mail, the userName (src/lifecycle/user-resource.ts serves every user so, kept users included). */
function servesUserNameAsEmail(resource: Resource, userName: string | null): boolean {
  const emails = resource.emails;
  return (
    userName !== null &&
    Array.isArray(emails) &&
    emails.length === 1 &&
    (emails[0] as { value?: unknown } | null)?.value === userName
  );
}
