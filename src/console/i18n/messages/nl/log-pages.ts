import type { LogPageMessages } from "../en/log-pages.js";

/** Dutch: het logboek (het kader; de logregels blijven zoals de gateway ze schreef, in het Engels). */
export const logPages: LogPageMessages = {
  title: "Logboek",
  appLog: "Applicatielogboek",
  scimRequests: "SCIM-verzoeken (Okta)",
  scimRequestsLabel: "SCIM-verzoeken",
  level: "Niveau",
  levelChoice: (level: string) => DUTCH_LEVELS[level] ?? level,
  failedOnly: "Alleen mislukte verzoeken",
  connector: "Koppeling",
  all: "Alle",
  text: "Tekst",
  from: (zone: string) => `Van (${zone})`,
  to: "Tot",
  apply: "Filter toepassen",
  noLines: "Geen regels gevonden.",
  appColumns: { time: "Tijd", level: "Niveau", connector: "Koppeling", message: "Melding" },
  scimColumns: { time: "Tijd", status: "Status", connector: "Koppeling", request: "Verzoek", took: "Duur" },
  olderLines: "Oudere regels",
  details: "details",
  otherClientTitle: "Niet de SCIM-client van Okta: wel beantwoord, maar nooit als Okta's import geteld",
  otherClient: "andere client:",
  noUserAgent: "geen User-Agent",
  live: "Live: nieuwe regels verschijnen bovenaan.",
};

/** The log page's level choices (log-routes.tsx LEVEL_CHOICES) in Dutch. */
const DUTCH_LEVELS: Readonly<Record<string, string>> = {
  debug: "Debug (alles)",
  info: "Info en hoger",
  warn: "Waarschuwing en hoger",
  error: "Fout en hoger",
};
