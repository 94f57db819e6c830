/** English: the Loket.nl part of the connector form (docs/loket.md has the same steps at length). nl/loket.ts matches. */
export const loket = {
  kind: "Loket.nl (REST API, OAuth consent)",
  credentials: "Loket.nl connection",
  environment: "Environment",
  environmentHint: '"production" (api.loket.nl) or "acceptance" (api.loket-acc.nl, Loket\'s test data).',
  clientId: "Client id",
  clientIdHint: "The GUID Loket issued for the app it registered for you.",
  clientSecret: "Client secret",
  clientSecretHint: "From Loket with the client id; each environment has its own.",
  pageSize: "Records per page",
  pageSizeHint: "1 to 1000; Loket may send fewer, the gateway follows its page count.",
  timeout: "Timeout per request (seconds)",
  timeoutHint: "1 to 600.",
  helpTitle: "How Loket is connected",
  step1:
    "Ask Loket for an app (api@loket.nl): read-only, for identity provisioning; you receive a client id and secret.",
  step2: "Have Loket register the callback URL: this gateway's public address followed by /oauth/loket/callback.",
  step3:
    "Save, then click Connect to Loket on the connector page and log in as a Loket user who sees every employer to serve.",
  step4: "Test connection: it lists the employers that user sees and names any chosen one it cannot see.",
  noManagers: "Loket has no manager field: managers stay off for this kind.",
};

export type LoketMessages = typeof loket;
