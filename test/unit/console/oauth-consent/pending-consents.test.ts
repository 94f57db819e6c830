import { describe, expect, it } from "vitest";
import {
  CONSENT_TTL_MS,
  PendingConsents,
  type PendingConsent,
} from "../../../../src/console/oauth-consent/pending-consents.js";

const consent: PendingConsent = {
  connectorId: "acme",
  sessionIdHash: "session-hash",
  adminName: "beheer",
  verifier: "v".repeat(43),
  redirectUri: "https://gw.example/oauth/nmbrs/callback",
  clientId: "app",
  kind: "nmbrs",
  serverUrl: "https://identityservice.nmbrs.com",
  language: "nl",
};

function store(start = 0) {
  let now = start;
  return { consents: new PendingConsents(() => new Date(now)), advance: (ms: number) => void (now += ms) };
}

describe("consents in progress", () => {
  it("hands a consent back once, to the browser holding its binding", () => {
    const { consents } = store();
    const { state, binding } = consents.start(consent);
    expect(consents.take(state, binding)).toEqual(consent);
    expect(consents.take(state, binding)).toBe("unknown");
  });

  it.each([
    ["without the binding cookie", () => [undefined, 0] as const, "other-browser"],
    ["with another browser's binding", () => ["x".repeat(43), 0] as const, "other-browser"],
    ["after ten minutes", (binding: string) => [binding, CONSENT_TTL_MS] as const, "expired"],
  ])("refuses a consent %s, and it is used up all the same", (_case, presented, outcome) => {
    const { consents, advance } = store();
    const { state, binding } = consents.start(consent);
    const [cookie, later] = presented(binding);
    advance(later);
    expect(consents.take(state, cookie)).toBe(outcome);
    expect(consents.take(state, binding)).toBe("unknown");
  });

  it("gives every consent its own state and binding", () => {
    const { consents } = store();
    const first = consents.start(consent);
    const second = consents.start(consent);
    expect(first.state).not.toBe(second.state);
    expect(consents.take(first.state, second.binding)).toBe("other-browser");
  });
});
