/**
 * The connector form's words for what config.toml's validation reports. The schema speaks config.toml (a secret
 * "required (as token, token_env or token_file)"), which means nothing in a form; this is the one place that turns it
 * into a sentence for the admin, so the message catalogue of the console (Dutch, issue #19) replaces one table.
 */
const REQUIRED: Readonly<Record<string, string>> = {
  id: 'Enter an id, e.g. "acme".',
  "nmbrs.username": "Enter the e-mail address of the Nmbrs user the API token belongs to.",
  "nmbrs.token": "Enter the API token.",
  "nmbrs.domain": "Enter the Nmbrs domain: the part before .nmbrs.nl.",
  "nmbrs_rest.client_id": "Enter the client id.",
  "nmbrs_rest.client_secret": "Enter the client secret.",
  "nmbrs_rest.subscription_key": "Enter the subscription key.",
};

/** The message shown next to `field` for a problem config validation reported about it. */
export function formMessage(field: string, configMessage: string): string {
  if (configMessage === "required" || configMessage.startsWith("required ")) return REQUIRED[field] ?? "Enter a value.";
  // The schema's own messages already say what a value must be ("must be 0 or more"); they only need to read as a sentence.
  const sentence = configMessage.charAt(0).toUpperCase() + configMessage.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
