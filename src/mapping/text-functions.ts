/**
 * The text helpers the admin's expressions call (registered as CEL functions in cel-environment.ts). Each takes
 * null and gives null, because half of an HR record is absent values: `lower(person.nickname)` should say "no
 * roepnaam", not fail the person.
 */

// Letters NFD does not split into a base letter and an accent: they need a spelling, not a strip.
const SPELLED: Readonly<Record<string, string>> = {
  ß: "ss",
  ẞ: "SS",
  ø: "o",
  Ø: "O",
  æ: "ae",
  Æ: "AE",
  œ: "oe",
  Œ: "OE",
  ł: "l",
  Ł: "L",
  đ: "d",
  Đ: "D",
  ı: "i",
  ĳ: "ij",
  Ĳ: "IJ",
};

/** Diacritics folded to plain ASCII letters (ë→e, Ç→C, ø→o, ß→ss), for logins that every system accepts. */
export function ascii(text: string | null): string | null {
  if (text === null) return null;
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[ßẞøØæÆœŒłŁđĐıĳĲ]/g, (letter) => SPELLED[letter] ?? letter);
}

export function lower(text: string | null): string | null {
  return text === null ? null : text.toLowerCase();
}

export function upper(text: string | null): string | null {
  return text === null ? null : text.toUpperCase();
}

/** Outer whitespace removed and inner runs made one space; null when nothing is left. */
export function trim(text: string | null): string | null {
  const trimmed = text?.replace(/\s+/g, " ").trim();
  return trimmed ? trimmed : null;
}

/**
 * Spaces, apostrophes and hyphens removed: what a Dutch name keeps in a login ("van 't Hof" → "vantHof",
 * "Jan-Willem" → "JanWillem"). Other characters stay, so a format that needs them can keep them.
 */
export function compact(text: string | null): string | null {
  if (text === null) return null;
  const compacted = text.replace(/[\s'‘’`´\-‐‑]/g, "");
  return compacted ? compacted : null;
}

/** The first argument that is not null and not an empty text. */
export function coalesce(...values: unknown[]): unknown {
  return values.find((value) => value !== null && value !== undefined && value !== "") ?? null;
}
