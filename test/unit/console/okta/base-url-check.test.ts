import { describe, expect, it } from "vitest";
import { baseUrlProblem, isPrivateAddress } from "../../../../src/console/okta/base-url-check.js";

describe("baseUrlProblem: a SCIM Base URL Okta could not use", () => {
  it.each([
    ["http://127.0.0.1:8080/scim/v2/acme", "loopback"],
    ["http://localhost:8080/scim/v2/acme", "loopback"],
    ["http://[::1]:8080/scim/v2/acme", "loopback"],
    ["http://0.0.0.0:8080/scim/v2/acme", "loopback"],
    ["http://hr-gateway.example.com/scim/v2/acme", "plain http"],
    ["https://hr-gateway.example.com/scim/v2/acme", null],
    ["not a url", "not a valid URL"],
  ] as const)("judges %s: %s", (url, expected) => {
    const problem = baseUrlProblem(url);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toContain(expected);
  });
});

// Bare hosts, judged as text: the check never resolves or contacts them.
describe("isPrivateAddress: hosts Okta's cloud cannot route to", () => {
  it.each([
    ["10.1.2.3", true],
    ["172.16.0.1", true],
    ["172.31.255.254", true],
    ["172.32.0.5", false],
    ["192.168.1.20", true],
    ["169.254.1.1", true],
    ["fd12:3456::1", true],
    ["fe80::1", true],
    ["2001:db8::1", false],
    ["hr-gateway.example.com", false],
  ] as const)("%s: %s", (host, expected) => {
    expect(isPrivateAddress(host)).toBe(expected);
  });
});
