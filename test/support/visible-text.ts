/**
 * The words a reader of a console page sees: element text and the attributes a browser shows or reads aloud (title,
 * aria-label, placeholder, alt, a button's value), without scripts, styles and anything inside an element marked
 * `lang="en"` (text the gateway writes in English by design: log lines, stored audit details, a run's error, and the
 * language switch's "English"). The console's HTML is hono/jsx output, well-formed, so a tag stack is enough.
 */
const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);
/** Not prose: scripts and styles, and code (config keys, cron lines, addresses), which reads the same in any language. */
const NOT_PROSE = new Set(["script", "style", "code", "kbd", "samp", "pre"]);
const SHOWN_ATTRIBUTES = ["title", "aria-label", "placeholder", "alt"];

export function visibleText(html: string): string[] {
  const texts: string[] = [];
  // Per open element: whether its content is skipped (it, or an ancestor, is English by design or not text).
  const stack: { name: string; skipped: boolean }[] = [];
  const skipped = () => stack.at(-1)?.skipped ?? false;
  const tag = /<(\/?)([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g;
  let last = 0;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    if (!skipped()) texts.push(html.slice(last, match.index));
    last = tag.lastIndex;
    const [, closing, rawName, attributes = ""] = match;
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    if (closing) {
      const at = stack.map((entry) => entry.name).lastIndexOf(name);
      if (at >= 0) stack.length = at;
      continue;
    }
    const english = /\slang="en"/.test(attributes);
    const hidden = NOT_PROSE.has(name);
    if (!skipped() && !english && !hidden) {
      for (const attribute of SHOWN_ATTRIBUTES) {
        const value = new RegExp(`\\s${attribute}="([^"]*)"`).exec(attributes)?.[1];
        if (value) texts.push(value);
      }
    }
    if (!VOID.has(name) && !attributes.trimEnd().endsWith("/")) {
      stack.push({ name, skipped: skipped() || english || hidden });
    }
  }
  texts.push(html.slice(last));
  return texts
    .map(decodeEntities)
    .map((text) => text.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/**
 * English words that are not Dutch words too, so one in a Dutch page's text means a sentence or label was left in
 * English. Short and common on purpose: an untranslated sentence nearly always holds one of them. Placeholders of
 * group name templates ("{name}") are not words. Left out: words Dutch shares ("of"), and those of values and Okta's
 * own (English) names the pages quote ("active", "Import Users", "Okta User").
 */
const ENGLISH_ONLY = new Set(
  (
    "the and with this these that which from your you are was were has have not no yet none for when been will can " +
    "cannot there here people person each every into than then them they their what who how why its be by or if " +
    "to on at it all any new edit delete save cancel show hide view next previous page search " +
    "name names company companies held approve reject time error failed " +
    "succeeded running created updated removed never today yesterday ago days day hours minutes"
  ).split(" "),
);

/** Not words: template placeholders ("{name}"), and paths and addresses ("docs/holds.md", "…nmbrsapp.com/integrations"). */
const NOT_WORDS = /\{[a-z_]+\}|\S*\/\S*/g;

/** The English-only words in these texts, each with the text it was found in. */
export function englishWords(texts: readonly string[]): string[] {
  return texts.flatMap((text) =>
    (
      text
        .toLowerCase()
        .replace(NOT_WORDS, "")
        .match(/[a-z]+(?:'[a-z]+)?/g) ?? []
    )
      .filter((word) => ENGLISH_ONLY.has(word))
      .map((word) => `${word} ← "${text.slice(0, 120)}"`),
  );
}
