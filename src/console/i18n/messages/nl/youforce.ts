import type { youforce as english } from "../en/youforce.js";

/** Nederlands: het Visma Youforce-deel van het connectorformulier (docs/youforce.md beschrijft de stappen uitgebreid). */
export const youforce: typeof english = {
  kind: "Visma Youforce (HR Core Business IAM-API)",
  credentials: "Verbinding met Visma Youforce",
  clientId: "Client-id",
  clientIdHint: "De client-id van je applicatie in het Visma Developer Portal.",
  clientSecret: "Clientgeheim",
  clientSecretHint: "Het clientgeheim van de applicatie uit het Visma Developer Portal.",
  tenantId: "Tenant-id",
  tenantIdHint: "De tenant-id van de klant, bekend zodra de klant de uitnodiging van de applicatie heeft geaccepteerd.",
  apiUrl: "API-adres",
  apiUrlHint: "https://api.youforce.com, tenzij Visma iets anders opgeeft.",
  tokenUrl: "Tokenadres",
  tokenUrlHint: "https://connect.visma.com/connect/token (Visma Connect).",
  timeout: "Wachttijd per verzoek (seconden)",
  timeoutHint: "1 tot 600.",
  helpTitle: "Waar de applicatie, de toegang en de tenant-id vandaan komen",
  step1: "Maak in het Visma Developer Portal een applicatie voor toegang tussen systemen (client credentials).",
  step2: "Koppel de applicatie aan de Youforce IAM-API met de scope Youforce-IAM:Get_Basic.",
  step3:
    "Nodig de Youforce-tenant van de klant uit; zodra de klant de uitnodiging heeft goedgekeurd, toont het portal de tenant-id.",
  step4: "Vul hier de client-id, het clientgeheim en de tenant-id in.",
  step5:
    "Youforce staat 400 tokens per maand toe: plan hooguit eens per 2 uur (15 */2 * * *). Verbinding testen toont de bedrijven.",
  scheduleQuota: (runs: number) =>
    `Draait vaker dan ${runs} keer per dag: Youforce staat 400 tokens per maand toe, dus synchronisaties mislukken voor het einde van de maand. Eens per 2 uur (15 */2 * * *) blijft daarbinnen.`,
};
