import { foldForSearch } from "./fold-search.js";

/** What HR keeps about a person that the HR list's search looks in (null where HR has nothing). */
export interface SearchedPerson {
  readonly displayName: string | null;
  readonly nickname: string | null;
  readonly firstName: string | null;
  readonly prefix: string | null;
  readonly lastName: string | null;
  readonly emails: readonly (string | null)[];
  readonly employeeNumber: string;
}

/**
 * hr_list.terms: every form in which a Dutch colleague may type a name, folded (foldForSearch), so that one
 * substring match finds "de Vries", "van den berg", "Kees de Vries" (roepnaam), "Cornelis de Vries" and
 * "Vries, Kees de". Forms are separated by " | " so that a search cannot match across two of them.
 */
export function hrSearchTerms(person: SearchedPerson, foldedDisplayName = folded(person.displayName)): string {
  // Each part is folded once and the forms are put together from the folded parts (folding is word by word); the
  // HR list passes the display name it has folded for its sort key. This runs for every person a sync writes, so the
  // forms go into one array, each once, with no intermediate arrays or set.
  const prefix = folded(person.prefix);
  const lastName = folded(person.lastName);
  const family = words(prefix, lastName);
  const nickname = folded(person.nickname);
  const firstName = folded(person.firstName);
  const forms: string[] = [];
  const add = (form: string | null) => {
    if (form !== null && !forms.includes(form)) forms.push(form);
  };
  add(foldedDisplayName);
  add(family);
  add(words(nickname, family));
  add(words(firstName, family));
  if (lastName) {
    if (nickname !== null) add(`${lastName}, ${words(nickname, prefix)}`);
    if (firstName !== null) add(`${lastName}, ${words(firstName, prefix)}`);
  }
  for (const email of person.emails) add(folded(email));
  add(folded(person.employeeNumber));
  return forms.join(" | ");
}

function folded(value: string | null): string | null {
  const result = value ? foldForSearch(value) : "";
  return result ? result : null;
}

function words(first: string | null, second: string | null): string | null {
  if (first === null) return second;
  return second === null ? first : `${first} ${second}`;
}
