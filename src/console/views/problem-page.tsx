import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ConsoleEnv } from "../deps.js";
import { Notice } from "./components.js";
import { renderPage } from "./layout.js";

/** The console's answer to a request it cannot serve: a page in the console's own frame, never a stack trace. */
export function problemPage(c: Context<ConsoleEnv>, status: ContentfulStatusCode, title: string, message: string) {
  return renderPage(c, { title, section: null, children: <Notice tone="bad">{message}</Notice> }, status);
}
