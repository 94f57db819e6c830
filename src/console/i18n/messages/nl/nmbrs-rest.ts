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
  noConnector: "Deze koppeling bestaat niet (meer).",
  saveSettingsFirst: "Sla eerst de instellingen van de REST API op",
  settingsNeeded: "Client-id, client-secret en subscription key zijn nodig voordat je verbindt.",
  handOver: {
    notConnected: "Niet verbonden",
    unknown: "Dit antwoord van Nmbrs hoort niet bij een verbinding die hier is gestart, of het is al gebruikt.",
    expired: "De verbinding is meer dan tien minuten geleden gestart.",
    otherBrowser: "De verbinding is in een andere browser gestart.",
    startAgain: 'Begin opnieuw met "Verbinden met Nmbrs" op de pagina van de koppeling.',
    sessionEnded:
      "Je sessie in de console is afgelopen terwijl je bij Nmbrs was. Log opnieuw in en begin opnieuw op de pagina van de koppeling.",
    declined: "Nmbrs heeft geen toegang gegeven (de Nmbrs-gebruiker weigerde). Er is niets veranderd.",
    refused: (code: string) => `Nmbrs heeft geen toegang gegeven (${code}). Er is niets veranderd.`,
    settingsChanged: "De REST-instellingen van de koppeling zijn gewijzigd terwijl je bij Nmbrs was. Verbind opnieuw.",
    exchangeFailed: "Nmbrs heeft de verbinding niet voltooid:",
    back: "Terug naar de console",
    connectedTitle: "Verbonden",
    connected: "Verbonden met Nmbrs.",
    continue: "Verder naar de koppeling",
  },
  apiSwitch: {
    apiNames: { "nmbrs-soap": "de Nmbrs SOAP API", "nmbrs-rest": "de Nmbrs REST API" },
    toRest: "Overstappen op de Nmbrs REST API",
    backToSoap: "Terug naar de Nmbrs SOAP API",
    pending: (now: string, before: string) =>
      `Deze koppeling leest nu ${now}, maar haar personen hebben nog de id's van ${before}. De volgende synchronisatie koppelt ze (bedrijfs- en personeelsnummer, bevestigd met geboortedatum of e-mailadres) en behoudt elke SCIM-id, zodat Okta dezelfde gebruikers ziet. Is iemand die Okta ziet niet te koppelen, dan wacht de run op goedkeuring, met die personen erbij.`,
    restText:
      "Nmbrs stopt de SOAP API op 1 maart 2027. Deze koppeling heeft ook REST-instellingen: verbind met Nmbrs, doe een proefrun om te zien dat iedereen die Okta ziet gekoppeld wordt, en stap dan over. Terugstappen kan zolang Nmbrs SOAP aanbiedt.",
    soapText:
      "Deze koppeling heeft haar SOAP-instellingen nog: een proefrun laat zien wat terugstappen zou doen; stap daarna over.",
    dryRun: "Proefrun",
    switchToRest: "Overstappen op de REST API",
    switchBack: "Terug naar SOAP",
    reading: (api: string) => `Iedereen wordt gelezen via ${api}…`,
    fileBefore: "Vastgelegd in config.toml: zet om over te stappen",
    fileAfter: "voor deze koppeling en start de gateway opnieuw.",
    connectFirst: "Verbind met Nmbrs (hierboven) vóór de proefrun en de overstap.",
    wouldWait: "De overstap zou op goedkeuring wachten",
    firstRun: "De eerste run na de overstap",
    allMatched: "Iedereen die Okta ziet is gekoppeld",
    allMatchedText:
      "De eerste run na de overstap gaat door zonder goedkeuring; Okta's volgende import vindt dezelfde gebruikers.",
    readThrough: "Gelezen via",
    listed: "Vermeld",
    servedNow: "Nu aan Okta geleverd",
    matched: "Gekoppeld",
    matchedText: (all: number, birthDate: number, email: number, emailOnly: number) =>
      `${formatCount(all, "nl")} (geboortedatum ${formatCount(birthDate, "nl")}, e-mail ${formatCount(email, "nl")}, alleen e-mail ${formatCount(emailOnly, "nl")})`,
    nextImport: "Okta's volgende import",
    nextImportText: (created: number, removed: number, updated: number) =>
      `${formatCount(created, "nl")} ${created === 1 ? "nieuwe gebruiker" : "nieuwe gebruikers"}, ${formatCount(removed, "nl")} ${removed === 1 ? "gebruiker verwijderd" : "gebruikers verwijderd"}, ${formatCount(updated, "nl")} ${updated === 1 ? "gebruiker gewijzigd" : "gebruikers gewijzigd"}`,
    noBirthDate: (count: number) =>
      `${formatCount(count, "nl")} ${count === 1 ? "persoon heeft" : "personen hebben"} nog geen opgeslagen geboortedatumcontrole (gesynchroniseerd vóór deze versie): ze kunnen alleen op e-mailadres gekoppeld worden. Een SOAP-synchronisatie vóór de overstap voegt de controle toe.`,
    renamedLabel: "Soorten medewerker die de overstap hernoemt (userType en de groepen per soort medewerker)",
    renamedColumns: { now: "Nu", after: "Na de overstap", users: "Gebruikers" },
    none: "(geen)",
    notMatchedLabel: "Niet gekoppelde personen",
    notMatchedColumns: { person: "Persoon", wouldBe: "Zou worden", why: "Waarom" },
    newInOkta: "nieuw in Okta",
    dryRunFailed: "De proefrun is mislukt",
    readOnlyText: "Vastgelegd in config.toml: wijzig daar de kind en start de gateway opnieuw.",
    cannotSwitch: "Overstappen kan niet",
    noSettingsFor: (api: string) => `De koppeling heeft geen instellingen voor ${api}, of leest die al.`,
    syncRunningText: "Wacht tot de synchronisatie klaar is en stap dan over.",
  },
};
