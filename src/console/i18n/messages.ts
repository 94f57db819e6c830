import type { Language } from "./language.js";
import { en, type Messages } from "./messages/en.js";
import { nl } from "./messages/nl.js";

export type { ImportCounts, Messages } from "./messages/en.js";

/**
 * The console's one message catalogue, a file per language (messages/en.ts defines the shape, messages/nl.ts must
 * match it). test/unit/console/i18n/messages.test.ts also fails on a missing or empty entry at run time.
 */
export const MESSAGES: Readonly<Record<Language, Messages>> = { en, nl };
