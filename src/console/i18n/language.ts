/** The console's languages. English is the fallback for anything a browser or admin asks for that we do not have. */
export const LANGUAGES = ["en", "nl"] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The locale each language formats dates and numbers in: nl-NL for Dutch; en-GB for English because the admins are
 * in Europe, where "7 Dec 2026" and a 24-hour clock read naturally and "12/07" would be ambiguous.
 */
export const LOCALES: Readonly<Record<Language, string>> = { en: "en-GB", nl: "nl-NL" };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language an `Accept-Language` header prefers: the highest-weighted tag we have (nl, nl-NL, nl-BE → Dutch;
 * en-* → English); English when none matches. Weights are honoured, so "en;q=0.9, nl" means Dutch.
 */
export function languageFromAcceptLanguage(header: string | undefined): Language {
  const ranked = (header ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((param) => param.match(/^\s*q=([0-9.]+)\s*$/)?.[1]).find((value) => value !== undefined);
      return { primary: tag.trim().toLowerCase().split("-")[0] ?? "", weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.weight > 0 && !Number.isNaN(entry.weight))
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((entry) => entry.primary).find(isLanguage) ?? "en";
}
