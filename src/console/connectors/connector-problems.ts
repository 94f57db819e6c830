import type { Context } from "hono";
import type { ConsoleEnv } from "../deps.js";
import { requestMessages } from "../i18n/use-language.js";
import { problemPage } from "../views/problem-page.js";

/** 404 for a connector id the registry does not know. */
export function noSuchConnector(c: Context<ConsoleEnv>) {
  const t = requestMessages(c).problems;
  return problemPage(c, 404, t.noConnectorTitle, t.noConnectorText);
}

/** 403 for a change to a connector declared in config.toml: the file owns it. */
export function readOnlyConnector(c: Context<ConsoleEnv>) {
  const t = requestMessages(c).connectorPages;
  return problemPage(c, 403, t.readOnlyTitle, t.fileNote);
}
