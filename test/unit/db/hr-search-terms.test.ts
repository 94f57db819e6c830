import { describe, expect, it } from "vitest";
import { hrSearchTerms, type SearchedPerson } from "../../../src/db/hr-search-terms.js";

const person = (overrides: Partial<SearchedPerson>): SearchedPerson => ({
  displayName: null,
  nickname: null,
  firstName: null,
  prefix: null,
  lastName: null,
  emails: [],
  employeeNumber: "1001",
  ...overrides,
});

describe("hrSearchTerms", () => {
  it("holds every form in which a Dutch name is typed, folded, each once", () => {
    const terms = hrSearchTerms(
      person({
        displayName: "Vries, C. de (Kees)",
        nickname: "Kees",
        firstName: "Cornelis",
        prefix: "de",
        lastName: "Vries",
        emails: ["Kees.deVries@ACME.nl", null],
      }),
    );
    expect(terms.split(" | ")).toEqual([
      "vries, c. de (kees)",
      "de vries",
      "kees de vries",
      "cornelis de vries",
      "vries, kees de",
      "vries, cornelis de",
      "kees.devries@acme.nl",
      "1001",
    ]);
  });

  it.each([
    ["a first name only", person({ firstName: "Anaïs" }), "anais | 1001"],
    ["no prefix", person({ firstName: "Özge", lastName: "Öztürk" }), "ozturk | ozge ozturk | ozturk, ozge | 1001"],
    [
      "a roepnaam equal to the first name",
      person({ nickname: "Jan", firstName: "Jan", lastName: "Bos" }),
      "bos | jan bos | bos, jan | 1001",
    ],
    [
      "blank parts",
      person({ nickname: "  ", firstName: "Sanne", prefix: " ", lastName: "Hof " }),
      "hof | sanne hof | hof, sanne | 1001",
    ],
  ])("%s", (_case, input, terms) => {
    expect(hrSearchTerms(input)).toBe(terms);
  });

  it("takes the display name folded by the caller (the HR list's sort key) as if it folded it itself", () => {
    const kees = person({ displayName: "Kees de Vries", nickname: "Kees", prefix: "de", lastName: "Vries" });
    expect(hrSearchTerms(kees, "kees de vries")).toBe(hrSearchTerms(kees));
  });
});
