import type { Messages } from "../i18n/messages.js";

export type FieldErrorMessages = Messages["connectorPages"]["fieldErrors"];

/**
 * The connector form's words for what config.toml's validation reports. The schema speaks config.toml (a secret
 * "required (as token, token_env or token_file)"), which means nothing in a form; this is the one place that turns it
 * into a sentence for the admin, in the page's language (the catalogue's connectorPages.fieldErrors).
 */
export function formMessage(field: string, configMessage: string, words: FieldErrorMessages): string {
  if (configMessage === "required" || configMessage.startsWith("required ")) {
    return words.required[field] ?? words.enterValue;
  }
  return words.configMessage(configMessage);
}
