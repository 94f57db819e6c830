import { describe, expect, it } from "vitest";
import { isSecretFieldName } from "../../../src/logging/logger.js";
import { KnownSecrets } from "../../../src/secrets/known-secrets.js";

describe("known secret values", () => {
  const token = 't0k&n<with>"quotes"/slash';

  it.each([
    ["as it is", `fault: ${token}`],
    ["URL-encoded", `GET /api?key=${encodeURIComponent(token)}`],
    ["inside a JSON string", JSON.stringify({ detail: `echo ${token}` })],
    [
      "XML-escaped",
      `<Token>${token.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")}</Token>`,
    ],
  ])("removes a registered value %s", (_form, text) => {
    const secrets = new KnownSecrets();
    secrets.register(token);
    const cleaned = secrets.redact(text);
    expect(cleaned).toContain("[redacted]");
    expect(cleaned).not.toMatch(/t0k|quotes|slash/);
  });

  it("replaces a secret that contains another one whole", () => {
    const secrets = new KnownSecrets();
    secrets.register("abcdefgh");
    secrets.register("abcdefgh-and-more");
    expect(secrets.redact("x abcdefgh-and-more y abcdefgh z")).toBe("x [redacted] y [redacted] z");
  });

  it("ignores absent and short values, which would match ordinary words", () => {
    const secrets = new KnownSecrets();
    for (const value of [undefined, null, "", "admin", "1234567"]) secrets.register(value);
    expect(secrets.list()).toEqual([]);
    expect(secrets.redact("admin 1234567")).toBe("admin 1234567");
  });

  it("registers only the secret-named fields of a record, at any depth", () => {
    const secrets = new KnownSecrets();
    const identityUrl = "https://identityservice.nmbrs.com";
    secrets.registerFields(
      {
        nmbrsToken: "soap-token-1234",
        nmbrsRestTokens: {
          accessToken: "access-token-5678",
          refreshToken: "refresh-token-9012",
          identityUrl,
          connectedBy: "administrator",
        },
      },
      isSecretFieldName,
    );
    expect(secrets.redact(`soap-token-1234 access-token-5678 refresh-token-9012 ${identityUrl} administrator`)).toBe(
      `[redacted] [redacted] [redacted] ${identityUrl} administrator`,
    );
  });

  it("hands every value to another registry (a sync thread's)", () => {
    const gateway = new KnownSecrets();
    gateway.register(token);
    const thread = new KnownSecrets();
    for (const value of gateway.list()) thread.register(value);
    expect(thread.redact(`a ${encodeURIComponent(token)} b ${token}`)).toBe("a [redacted] b [redacted]");
  });
});
