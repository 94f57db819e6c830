/** English: the Visma Youforce part of the connector form (docs/youforce.md has the steps at length). nl/youforce.ts matches. */
export const youforce = {
  kind: "Visma Youforce (HR Core Business IAM API)",
  credentials: "Visma Youforce connection",
  clientId: "Client id",
  clientIdHint: "The client id of your app in the Visma Developer Portal.",
  clientSecret: "Client secret",
  clientSecretHint: "The app's client secret from the Visma Developer Portal.",
  tenantId: "Tenant id",
  tenantIdHint: "The customer's tenant id, known once the customer accepted the app's invitation.",
  apiUrl: "API URL",
  apiUrlHint: "https://api.youforce.com unless Visma tells you otherwise.",
  tokenUrl: "Token URL",
  tokenUrlHint: "https://connect.visma.com/connect/token (Visma Connect).",
  timeout: "Timeout per request (seconds)",
  timeoutHint: "1 to 600.",
  helpTitle: "Where the app, its access and the tenant id come from",
  step1:
    "In the Visma Developer Portal, create an application of the type for service-to-service access (client credentials).",
  step2: "Link the application to the Youforce IAM API with the scope Youforce-IAM:Get_Basic.",
  step3:
    "Invite the customer's Youforce tenant; once the customer approved the invitation, the portal shows its tenant id.",
  step4: "Paste the client id, the client secret and the tenant id here.",
  step5:
    "Youforce allows 400 tokens a month: keep the schedule at every 2 hours or less often (15 */2 * * *). Test connection lists the companies.",
  scheduleQuota: (runs: number) =>
    `Runs more than ${runs} times a day: Youforce allows 400 tokens a month, so syncs fail before the month ends. Every 2 hours (15 */2 * * *) stays within it.`,
};
