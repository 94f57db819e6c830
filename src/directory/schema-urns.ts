/**
 * Schema URNs of the resources we serve, and the attributes of our own extension. One list feeds the SCIM
 * /Schemas endpoint, the user mapping, the README's Okta Profile Editor table and the console's Okta setup page,
 * so they cannot drift apart.
 */
export const CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
export const CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
/** Our own extension for HR fields that have no place in the core or enterprise schema. */
export const HR_GATEWAY_USER = "urn:ietf:params:scim:schemas:extension:hrgateway:2.0:User";

export interface CustomAttribute {
  /** Attribute name inside the extension (Okta "External name"). */
  readonly name: string;
  /** Suggested Okta variable name in the Profile Editor. */
  readonly oktaVariable: string;
  readonly type: "string" | "boolean" | "dateTime";
  readonly caseExact: boolean;
  readonly description: string;
}

export const HR_GATEWAY_ATTRIBUTES: readonly CustomAttribute[] = [
  {
    name: "privateEmail",
    oktaVariable: "privateEmail",
    type: "string",
    caseExact: false,
    description:
      "Private e-mail address from HR (EmailPrivate). Served only when the connector shares private contact data.",
  },
  {
    name: "privateMobile",
    oktaVariable: "privateMobile",
    type: "string",
    caseExact: false,
    description:
      "Private mobile number from HR (TelephoneMobilePrivate). Served only when the connector shares private contact data.",
  },
  {
    name: "startDate",
    oktaVariable: "hrStartDate",
    type: "string",
    caseExact: true,
    description: "First working day (YYYY-MM-DD) of the employment period that makes the person visible.",
  },
  {
    name: "endDate",
    oktaVariable: "hrEndDate",
    type: "string",
    caseExact: true,
    description: "Last working day (YYYY-MM-DD) of that period; absent when open-ended.",
  },
  {
    name: "companyNumber",
    oktaVariable: "hrCompanyNumber",
    type: "string",
    caseExact: true,
    description: "Number of the employing company in the HR system.",
  },
  {
    name: "managerEmail",
    oktaVariable: "managerEmail",
    type: "string",
    caseExact: false,
    description:
      "The manager's e-mail address as HR records it. Served only when managers are on (Okta's own manager functions need Active Directory; downstream apps read this).",
  },
  {
    name: "managerEmployeeNumber",
    oktaVariable: "managerEmployeeNumber",
    type: "string",
    caseExact: true,
    description: "The manager's employee number as HR records it. Served only when managers are on.",
  },
];
