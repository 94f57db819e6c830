import { describe, expect, it } from "vitest";
import { baseUrlProblem } from "../../../src/console/okta/base-url-check.js";

describe("baseUrlProblem: a SCIM Base URL Okta could not use", () => {
  it.each([
    ["http://127.0.0.1:8080/scim/v2/acme", "loopback"],
    ["http://localhost:8080/scim/v2/acme", "loopback"],
    ["http://[::1]:8080/scim/v2/acme", "loopback"],
    ["http://0.0.0.0:8080/scim/v2/acme", "loopback"],
    ["https://10.1.2.3/scim/v2/acme", "private"],
    ["https://192.168.1.20/scim/v2/acme", "private"],
    ["https://172.20.0.5/scim/v2/acme", "private"],
    ["http://hr-gateway.example.com/scim/v2/acme", "plain http"],
    ["https://hr-gateway.example.com/scim/v2/acme", null],
    ["https://172.32.0.5/scim/v2/acme", null],
  ] as const)("judges %s: %s", (url, expected) => {
    const problem = baseUrlProblem(url);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toContain(expected);
  });
});
