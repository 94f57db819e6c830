/** A resource as Okta's import reads it off a SCIM list page: any attributes, always an id. */
export type ScimResource = Readonly<Record<string, unknown>> & { readonly id: string };
