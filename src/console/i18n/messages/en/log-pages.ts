/** English: the log page (its frame; the log lines stay as the gateway wrote them). nl/log-pages.ts matches. */
export const logPages = {
  title: "Log",
  appLog: "Application log",
  scimRequests: "SCIM requests (Okta)",
  scimRequestsLabel: "SCIM requests",
  level: "Level",
  levelChoice: (level: string) =>
    level === "debug" ? "Debug (everything)" : `${level[0]!.toUpperCase()}${level.slice(1)} and above`,
  failedOnly: "Failed requests only",
  connector: "Connector",
  all: "All",
  text: "Text",
  from: (zone: string) => `From (${zone})`,
  to: "To",
  apply: "Apply filter",
  noLines: "No lines match.",
  appColumns: { time: "Time", level: "Level", connector: "Connector", message: "Message" },
  scimColumns: { time: "Time", status: "Status", connector: "Connector", request: "Request", took: "Took" },
  olderLines: "Older lines",
  details: "details",
  otherClientTitle: "Not Okta's SCIM client: served, but never counted as Okta's import",
  otherClient: "other client:",
  noUserAgent: "no User-Agent",
  live: "Live: new lines appear on top.",
};

export type LogPageMessages = typeof logPages;
