import type { loketConsent as english } from "../en/loket-consent.js";

/** Nederlands: "Verbinden met Loket" op een Loket-koppeling. Volgt en/loket-consent.ts. */
export const loketConsent: typeof english = {
  title: "Verbinding met Loket",
  consent: "Toestemming in Loket",
  notConnected: "niet verbonden",
  needsReconsent: "opnieuw toestemming nodig",
  connectedTitle: "Verbonden met Loket",
  connectedText: "De gateway kan Loket nu lezen. Start een synchronisatie om het te controleren.",
  connected: "verbonden",
  connectedBy: (who: string) => `door ${who}, `,
  connect: "Verbinden met Loket",
  connectAgain: "Opnieuw verbinden met Loket",
  redirectUri: "Redirect-URI",
  registerHint:
    "Vraag Loket (api@loket.nl) deze redirect-URI voor je app te registreren. Verbinden stuurt je naar Loket, waar een Loket-gebruiker inlogt en de gateway toestaat de werkgevers te lezen die die gebruiker ziet.",
  disconnectConfirm:
    "Verbinding verbreken? Synchronisaties mislukken tot iemand opnieuw verbindt; wat Okta ziet blijft zoals het is.",
  disconnect: "Verbinding verbreken",
  disconnectedTitle: "Verbinding met Loket verbroken",
  disconnectedText:
    "De gateway is zijn toegang tot Loket vergeten. Loket biedt de gateway geen manier om die daar in te trekken: laat een Loket-gebruiker de toegang van de app in Loket intrekken. Synchronisaties mislukken tot iemand opnieuw verbindt; wat Okta ziet blijft zoals het is.",
  noConnector: "Deze koppeling bestaat niet (meer).",
  saveSettingsFirst: "Sla eerst de Loket-instellingen op",
  settingsNeeded: "Client-id en client-secret zijn nodig voordat je verbindt.",
  handOver: {
    notConnected: "Niet verbonden",
    unknown: "Dit antwoord van Loket hoort niet bij een verbinding die hier is gestart, of het is al gebruikt.",
    expired: "De verbinding is meer dan tien minuten geleden gestart.",
    otherBrowser: "De verbinding is in een andere browser gestart.",
    startAgain: 'Begin opnieuw met "Verbinden met Loket" op de pagina van de koppeling.',
    sessionEnded:
      "Je sessie in de console is afgelopen terwijl je bij Loket was. Log opnieuw in en begin opnieuw op de pagina van de koppeling.",
    declined: "Loket heeft geen toegang gegeven (de Loket-gebruiker brak af). Er is niets veranderd.",
    refused: (code: string) => `Loket heeft geen toegang gegeven (${code}). Er is niets veranderd.`,
    settingsChanged: "De Loket-instellingen van de koppeling zijn gewijzigd terwijl je bij Loket was. Verbind opnieuw.",
    exchangeFailed: "Loket heeft de verbinding niet voltooid:",
    back: "Terug naar de console",
    connectedTitle: "Verbonden",
    connected: "Verbonden met Loket.",
    continue: "Verder naar de koppeling",
  },
};
