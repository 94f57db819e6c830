import type { Context } from "hono";
import { createContext, useContext } from "hono/jsx";
import type { ConsoleEnv } from "../deps.js";
import type { Language } from "./language.js";
import { MESSAGES, type Messages } from "./messages.js";

/**
 * The request's language while a page renders: renderPage provides it, so a component deep in a page reads it with
 * useMessages() instead of every page threading it through its props. hono/jsx keeps it per render (AsyncLocalStorage).
 */
export const LanguageContext = createContext<Language>("en");

/** The rendering page's language and its messages (inside a component that renderPage renders). */
export function useMessages(): { language: Language; t: Messages } {
  const language = useContext(LanguageContext);
  return { language, t: MESSAGES[language] };
}

/**
 * The request's language outside rendering (route handlers); English when the language middleware has not run,
 * as for an error raised before it.
 */
export function requestLanguage(c: Context<ConsoleEnv>): Language {
  return c.get("language") ?? "en";
}

/** The request's messages, for a route handler that builds a title or an error message. */
export function requestMessages(c: Context<ConsoleEnv>): Messages {
  return MESSAGES[requestLanguage(c)];
}
