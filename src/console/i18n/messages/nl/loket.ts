import type { LoketMessages } from "../en/loket.js";

/** Nederlands: het Loket.nl-deel van het connectorformulier (docs/loket.md beschrijft dezelfde stappen uitgebreid). */
export const loket: LoketMessages = {
  kind: "Loket.nl (REST API, OAuth-toestemming)",
  credentials: "Verbinding met Loket.nl",
  environment: "Omgeving",
  environmentHint: '"production" (api.loket.nl) of "acceptance" (api.loket-acc.nl, testgegevens van Loket).',
  clientId: "Client-id",
  clientIdHint: "De GUID die Loket uitgaf voor de app die het voor u registreerde.",
  clientSecret: "Clientgeheim",
  clientSecretHint: "Van Loket, samen met de client-id; elke omgeving heeft een eigen geheim.",
  pageSize: "Records per pagina",
  pageSizeHint: "1 tot 1000; Loket kan er minder sturen, de gateway volgt het aantal pagina's van Loket.",
  timeout: "Wachttijd per verzoek (seconden)",
  timeoutHint: "1 tot 600.",
  helpTitle: "Zo wordt Loket verbonden",
  step1:
    "Vraag Loket om een app (api@loket.nl): alleen lezen, voor het aanmaken van accounts; u krijgt een client-id en geheim.",
  step2:
    "Laat Loket het terugkeeradres registreren: het openbare adres van deze gateway gevolgd door /oauth/loket/callback.",
  step3:
    "Sla op, klik op de connectorpagina op Verbinden met Loket en log in als Loket-gebruiker die elke werkgever ziet die bediend moet worden.",
  step4:
    "Verbinding testen: toont de werkgevers die deze gebruiker ziet en noemt elke gekozen werkgever die hij niet ziet.",
  noManagers: "Loket heeft geen veld voor leidinggevenden: leidinggevenden blijven uit voor dit soort.",
};
