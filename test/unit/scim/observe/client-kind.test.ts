import { describe, expect, it } from "vitest";
import { scimClientKind } from "../../../../src/scim/observe/client-kind.js";

describe("scimClientKind", () => {
  it.each([
    ["Okta SCIM Client 1.0.0", "okta"],
    ["Okta SCIM Client 2.3.1", "okta"],
    ["okta scim client 1.0.0", "okta"],
    ["Okta SCIM Client", "okta"],
    ["OKTA SCIM Integration", "other"], // Okta's Runscope test suite: a tool an admin runs, not an import
    ["Okta SCIM Clientele/1.0", "other"],
    ["curl/8.5.0", "other"],
    ["python-requests/2.31.0 (Okta SCIM Client 1.0.0)", "other"],
    ["", "other"],
    [null, "other"],
  ] as const)("%j is %s", (userAgent, kind) => {
    expect(scimClientKind(userAgent)).toBe(kind);
  });
});
