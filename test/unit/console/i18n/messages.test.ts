import { describe, expect, it } from "vitest";
import { LANGUAGES, languageFromAcceptLanguage } from "../../../../src/console/i18n/language.js";
import { MESSAGES } from "../../../../src/console/i18n/messages.js";

/** Every leaf of a catalogue as "dotted.key" → what it is (text, or a function of n arguments). */
function leaves(node: unknown, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  if (typeof node === "function") found.set(prefix, `function/${node.length}`);
  else if (typeof node === "string") found.set(prefix, node.trim() === "" ? "empty text" : "text");
  else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      for (const [path, kind] of leaves(value, prefix ? `${prefix}.${key}` : key)) found.set(path, kind);
    }
  } else found.set(prefix, `unexpected ${typeof node}`);
  return found;
}

describe("the message catalogue", () => {
  const english = leaves(MESSAGES.en);

  it("is seen whole by the walk the checks below use", () => {
    expect(english.size).toBeGreaterThan(50);
  });

  it.each(LANGUAGES.filter((language) => language !== "en"))(
    "has every English key in %s, of the same kind, and no other",
    (language) => {
      const translated = leaves(MESSAGES[language]);
      const missing = [...english.keys()].filter((key) => !translated.has(key));
      const extra = [...translated.keys()].filter((key) => !english.has(key));
      const differentKind = [...english]
        .filter(([key, kind]) => translated.has(key) && translated.get(key) !== kind)
        .map(([key]) => key);
      expect({ missing, extra, differentKind }).toEqual({ missing: [], extra: [], differentKind: [] });
    },
  );

  it.each(LANGUAGES)("has no empty text in %s", (language) => {
    const empty = [...leaves(MESSAGES[language])].filter(([, kind]) => kind === "empty text").map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it("makes Dutch plurals and numbers its own way", () => {
    expect(MESSAGES.nl.dashboard.reviewHeldPeople(1)).toBe("1 tegengehouden persoon beoordelen");
    expect(MESSAGES.nl.dashboard.usersServed(12_345)).toBe("12.345 gebruikers geleverd");
    expect(MESSAGES.en.dashboard.usersServed(12_345)).toBe("12,345 users served");
  });
});

describe("the browser's language", () => {
  it.each([
    ["nl", "nl"],
    ["nl-NL", "nl"],
    ["nl-BE,fr;q=0.8", "nl"],
    ["NL-nl", "nl"],
    ["en-US,en;q=0.9,nl;q=0.8", "en"],
    ["en;q=0.5, nl", "nl"],
    ["de-DE,nl;q=0.7", "nl"],
    ["de-DE,fr;q=0.9", "en"],
    ["nl;q=0", "en"],
    ["*", "en"],
    ["", "en"],
    [undefined, "en"],
  ])("Accept-Language %j gives %s", (header, language) => {
    expect(languageFromAcceptLanguage(header)).toBe(language);
  });
});
