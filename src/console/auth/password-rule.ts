export const MIN_PASSWORD_LENGTH = 12;

/** Why a password is refused; the console words it in the page's language (messages.ts, `password`). */
export type PasswordProblem =
  | { readonly kind: "short"; readonly length: number }
  | { readonly kind: "few-characters" }
  | { readonly kind: "contains-user-name" }
  | { readonly kind: "common" }
  | { readonly kind: "sequence" };

// Bases people pad to the minimum length ("Welkom2024!!", "Password123456"). Dutch and English, plus our own names.
const COMMON_BASES = new Set([
  "password",
  "passw",
  "wachtwoord",
  "welkom",
  "welcome",
  "qwerty",
  "azerty",
  "letmein",
  "admin",
  "administrator",
  "iloveyou",
  "monkey",
  "dragon",
  "secret",
  "geheim",
  "changeme",
  "default",
  "summer",
  "winter",
  "spring",
  "autumn",
  "zomer",
  "lente",
  "herfst",
  "football",
  "voetbal",
  "hrgateway",
  "gateway",
  "okta",
  "nmbrs",
  "test",
  "login",
]);

const SEQUENCES = [
  "abcdefghijklmnopqrstuvwxyz",
  "qwertyuiopasdfghjklzxcvbnm",
  "azertyuiopqsdfghjklmwxcvbn",
  "01234567890",
  "09876543210",
];

/** Why a password is too weak, or null when it is acceptable. */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return { kind: "short", length };
  const lower = password.toLowerCase();
  if (new Set(lower).size < 5) return { kind: "few-characters" };
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && lower.includes(name)) return { kind: "contains-user-name" };
  const letters = lower.replace(/[^a-z]/g, "");
  if (letters.length === 0 || COMMON_BASES.has(letters) || COMMON_BASES.has(letters.replace(/(.+?)\1+$/, "$1"))) {
    return { kind: "common" };
  }
  if (isSequenceOrRepeat(lower)) return { kind: "sequence" };
  return null;
}

/** "abcabcabcabc", "123456789012", "qwertyuiopas": made of one short run or of a row of the keyboard. */
function isSequenceOrRepeat(text: string): boolean {
  if (/^(.{1,4})\1+.{0,3}$/.test(text)) return true;
  return SEQUENCES.some((sequence) => {
    const doubled = sequence + sequence;
    return doubled.includes(text) || [...doubled].reverse().join("").includes(text);
  });
}
