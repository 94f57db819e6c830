import { jsx } from "hono/jsx";
import { describe, expect, it } from "vitest";
import type { HealthReason } from "../../../../src/console/dashboard/connector-status.js";
import { HealthReasonText } from "../../../../src/console/dashboard/status-views.js";
import type { Language } from "../../../../src/console/i18n/language.js";
import { LanguageContext } from "../../../../src/console/i18n/use-language.js";

/** Renders the reason the way renderPage does: inside the page's language. */
async function rendered(reason: HealthReason, language: Language): Promise<string> {
  return (await jsx(LanguageContext.Provider, { value: language }, jsx(HealthReasonText, { reason }))).toString();
}

describe("why a connector is not healthy, in the page's language", () => {
  it.each([
    [{ kind: "people-held", count: 3 }, "en", "3 people wait for approval; everything else was applied"],
    [{ kind: "people-held", count: 1 }, "nl", "1 persoon wacht op goedkeuring; al het andere is doorgevoerd"],
    [
      { kind: "not-applied", status: "rejected" },
      "nl",
      "de laatste run is afgewezen: niets van wat die las is doorgevoerd",
    ],
    [{ kind: "no-next-run" }, "nl", "er is geen volgende run gepland"],
    [{ kind: "text", text: "Nmbrs refused the token" }, "nl", "Nmbrs refused the token"],
  ] as const)("%j in %s reads %j", async (reason, language, text) => {
    expect(await rendered(reason, language)).toBe(text);
  });
});
