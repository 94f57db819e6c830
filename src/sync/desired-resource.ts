import type { DesiredResource, ResourceType } from "../directory/resource.js";

type Resource = Readonly<Record<string, unknown>>;

/**
 * A resource as the directory stores it, with the index columns Okta's lookups use taken from the resource itself.
 * The same function serves fresh resources and resources read back from a held plan, so both index alike.
 */
export function desiredResource(type: ResourceType, seq: number, resource: Resource): DesiredResource {
  const text = (key: string) => (typeof resource[key] === "string" ? (resource[key] as string) : null);
  if (type === "Group") return { type, scimId: text("id")!, seq, resource, displayName: text("displayName") };
  const emails = Array.isArray(resource.emails) ? (resource.emails as { value?: string; primary?: boolean }[]) : [];
  return {
    type,
    scimId: text("id")!,
    seq,
    resource,
    userName: text("userName"),
    externalId: text("externalId"),
    primaryEmail: emails.find((email) => email.primary)?.value ?? null,
    active: resource.active === true,
  };
}
