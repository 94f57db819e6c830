/**
 * How the console's HR search compares names: "Anaïs" is found by "anais", "van ’t Hof" (typographic apostrophe, as
 * HR systems store it) by "van 't hof" and "van t hof", "ÖZTÜRK" by "ozturk". The same function folds what is
 * written into hr_list (inside SQLite as `search_fold()`) and what the admin types, so both sides always agree.
 * It is also the list's sort key: ordering folded names by their bytes puts Ölçer among the O's, as Dutch
 * collation (Intl.Collator("nl")) does, while SQLite keeps walking an ordinary index (better-sqlite3 cannot
 * register a collation).
 */
export function foldForSearch(value: string): string {
  // Most names and every e-mail address are plain ASCII in single spaces: lower case is all their fold does, and
  // this runs for every name form of every person a sync writes (BENCHMARKS.md, "The first run's writes: people, HR
  // list and history").
  if (PLAIN_ASCII.test(value)) return value.toLowerCase();
  const letters = ASCII_ONLY.test(value)
    ? value.toLowerCase()
    : value
        // Compatibility decomposition splits "é" into "e" + accent and ligatures like "ﬁ" into letters.
        .normalize("NFKD")
        .replace(/\p{M}+/gu, "")
        .toLowerCase()
        .replace(/[ßæœøđłıþð]/g, (letter) => LETTERS_WITHOUT_DECOMPOSITION[letter] ?? letter);
  return (
    letters
      // Apostrophes vary by keyboard and by HR system ('t, ’t, ‘t, `t, ´t): dropped, so every spelling meets.
      .replace(/['\u2018\u2019\u201B\u02BC\u0060\u00B4\u2032]/g, "")
      .replace(/\s+/g, " ")
      .trim()
  );
}

/**
 * Printable ASCII words in single spaces, without an apostrophe or backtick: text the Unicode, apostrophe and
 * whitespace steps leave as it is. One test of a regular expression is cheaper than those steps, even where they
 * change nothing.
 */
const PLAIN_ASCII = /^[!-&(-_a-~]+(?: [!-&(-_a-~]+)*$/;

const ASCII_ONLY = /^[\x00-\x7F]*$/;

/** Letters Unicode does not decompose into a base letter and a mark, spelled as Dutch readers would type them. */
const LETTERS_WITHOUT_DECOMPOSITION: Readonly<Record<string, string>> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  đ: "d",
  ł: "l",
  ı: "i",
  þ: "th",
  ð: "d",
};
