import { formatCount } from "../../../views/format.js";
import type { NmbrsRestMessages } from "../en/nmbrs-rest.js";

/** Dutch: de verbinding met de Nmbrs REST API (toestemming, de leeftijd ervan, verbinden en verbreken). */
export const nmbrsRest: NmbrsRestMessages = {
  consent: "Toestemming Nmbrs",
  notConnected: "niet verbonden",
  needsReconsent: "opnieuw toestemming nodig",
  connected: "verbonden",
  connectedBy: (who: string) => `door ${who}, `,
  renewalRefused:
    "Nmbrs accepteert de toestemming van de gateway niet meer; Okta blijft de laatste goede gegevens zien tot een Nmbrs-gebruiker opnieuw verbindt:",
  renewalSoon:
    "Nmbrs kan de toestemming van de gateway binnenkort beëindigen (in het ergste geval 30 dagen nadat ze gegeven is); tot dan blijven synchronisaties werken. Vernieuw haar nu:",
  renewalOld: "De toestemming is ouder dan 30 dagen en Nmbrs verlengt haar nog; opnieuw verbinden start een nieuwe:",
  disconnectedTitle: "Verbinding met Nmbrs verbroken",
  disconnectedText:
    "Nmbrs heeft de toegang van de gateway ingetrokken. Synchronisaties mislukken tot iemand opnieuw verbindt; wat Okta ziet blijft zoals het is.",
  disconnectedHereTitle: "Alleen hier verbroken",
  disconnectedHereText:
    "De gateway is zijn toegang vergeten, maar Nmbrs heeft het intrekken niet bevestigd (de reden staat in het logboek): verwijder de toegang van de app in Nmbrs om zeker te zijn.",
  endPassed: "uiterste einddatum verstreken",
  thirtyDaysAfter: "30 dagen na de toestemming, op ",
  expiresIn: (days: number) =>
    `toestemming verloopt over ${formatCount(days, "nl")} ${days === 1 ? "dag" : "dagen"} (in het ergste geval)`,
  connect: "Verbinden met Nmbrs",
  connectAgain: "Opnieuw verbinden met Nmbrs",
  restApi: "Nmbrs REST API",
  consentFact: "Toestemming",
  redirectUri: "Redirect-URI",
  registerHint:
    "Registreer de redirect-URI bij je app in het Nmbrs-partnerportaal (partner-portal.nmbrsapp.com/integrations). Verbinden stuurt je naar Nmbrs, waar een Nmbrs-gebruiker leestoegang geeft. Nmbrs kan die toestemming 30 dagen nadat ze gegeven is beëindigen, hoe vaak de gateway ook synchroniseert; daarom herinnert de gateway je er 7 en 2 dagen van tevoren aan: verbind dan opnieuw.",
  scopes: "De app heeft deze scopes nodig:",
  disconnectConfirm:
    "Verbinding verbreken? Synchronisaties mislukken tot iemand opnieuw verbindt; wat Okta ziet blijft zoals het is.",
  disconnect: "Verbinding verbreken",
};
