import type { Messages } from "../i18n/messages.js";

/**
 * A person state's name in the page's language (shared.personStates); a state this console does not know yet is
 * shown as stored rather than hidden.
 */
export function stateName(states: Messages["shared"]["personStates"], state: string): string {
  return (states as Readonly<Record<string, string>>)[state] ?? state;
}
