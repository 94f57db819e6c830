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
  const family = words(person.prefix, person.lastName);
  const given = [person.nickname, person.firstName].map(clean).filter((name): name is string => name !== null);
  const forms = [
    person.displayName,
    family,
    ...given.map((name) => words(name, family)),
    ...given.map((name) => (person.lastName ? `${clean(person.lastName)}, ${words(name, person.prefix)}` : null)),
    ...person.emails,
    person.employeeNumber,
  ];
  return [...new Set(forms.map(clean).filter((form): form is string => form !== null).map(foldForSearch))].join(" | ");
}

function words(...parts: (string | null)[]): string | null {
  const present = parts.map(clean).filter((part): part is string => part !== null);
  return present.length > 0 ? present.join(" ") : null;
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
