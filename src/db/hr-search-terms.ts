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
export function hrSearchTerms(person: SearchedPerson): string {
  // Each part is folded once and the forms are put together from the folded parts (folding is word by word): this
  // runs for every person a sync writes.
  const prefix = folded(person.prefix);
  const lastName = folded(person.lastName);
  const family = words(prefix, lastName);
  const given = [folded(person.nickname), folded(person.firstName)].filter((name): name is string => name !== null);
  const forms = [
    folded(person.displayName),
    family,
    ...given.map((name) => words(name, family)),
    ...(lastName ? given.map((name) => `${lastName}, ${words(name, prefix)}`) : []),
    ...person.emails.map(folded),
    folded(person.employeeNumber),
  ];
  return [...new Set(forms.filter((form): form is string => form !== null))].join(" | ");
}

function folded(value: string | null): string | null {
  const result = value ? foldForSearch(value) : "";
  return result ? result : null;
}

function words(...parts: (string | null)[]): string | null {
  const present = parts.filter((part): part is string => part !== null);
  return present.length > 0 ? present.join(" ") : null;
}
