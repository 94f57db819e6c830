/** Shown next to the password field, so the rule is known before it is broken. */
export const PASSWORD_RULE =
  "At least 12 characters, and not easy to guess: not a common password with a few digits added, not your user name, " +
  "not one character or a keyboard sequence repeated. A sentence of four or five unrelated words is a good choice.";

export const MIN_PASSWORD_LENGTH = 12;

// Bases people pad to the minimum length ("Welkom2024!!", "Password123456"). Dutch and English, plus our own names.
const COMMON_BASES = new Set([
  "password", "passw", "wachtwoord", "welkom", "welcome", "qwerty", "azerty", "letmein", "admin", "administrator",
  "iloveyou", "monkey", "dragon", "secret", "geheim", "changeme", "default", "summer", "winter", "spring", "autumn",
  "zomer", "lente", "herfst", "football", "voetbal", "hrgateway", "gateway", "okta", "nmbrs", "test", "login",
]);

const SEQUENCES = ["abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm", "azertyuiopqsdfghjklmwxcvbn", "01234567890", "09876543210"];

/** Why a password is too weak, or null when it is acceptable. */
export function passwordProblem(password: string, username: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters (this one has ${length}).`;
  const lower = password.toLowerCase();
  if (new Set(lower).size < 5) return "Use more different characters: this password repeats only a few.";
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && lower.includes(name)) return "Do not put your user name in your password.";
  const letters = lower.replace(/[^a-z]/g, "");
  if (letters.length === 0 || COMMON_BASES.has(letters) || COMMON_BASES.has(letters.replace(/(.+?)\1+$/, "$1"))) {
    return "This is a common password with digits or symbols added; choose something less predictable.";
  }
  if (isSequenceOrRepeat(lower)) return "Keyboard sequences and repeated patterns are easy to guess.";
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
