import { MIN_PASSWORD_LENGTH, type PasswordProblem } from "../../auth/password-rule.js";
import { formatCount } from "../../views/format.js";
import type { ImportCounts, Messages } from "./en.js";
import { connectorPages } from "./nl/connector-pages.js";
import { auditPages } from "./nl/audit-pages.js";
import { forecastPage } from "./nl/forecast-page.js";
import { holdPages } from "./nl/hold-pages.js";
import { hrPages } from "./nl/hr-pages.js";
import { logPages } from "./nl/log-pages.js";
import { loket } from "./nl/loket.js";
import { nmbrsRest } from "./nl/nmbrs-rest.js";
import { loketConsent } from "./nl/loket-consent.js";
import { youforce } from "./nl/youforce.js";
import { oktaPage } from "./nl/okta-page.js";
import { oktaSteps } from "./nl/okta-steps.js";
import { previewPages } from "./nl/preview-pages.js";
import { runPages } from "./nl/run-pages.js";
import { shared } from "./nl/shared.js";
import { mapping } from "./nl/mapping-page.js";
import { groups } from "./nl/groups.js";
import { exclusions } from "./nl/exclusions.js";

/** Dutch: every key of the English catalogue (a missing one is a type error). Terms: docs/i18n.md (glossary). */
export const nl: Messages = {
  layout: {
    skipToContent: "Naar de inhoud",
    mainNavigation: "Hoofdmenu",
    breadcrumb: "Kruimelpad",
    logOut: "Uitloggen",
    nav: {
      dashboard: "Dashboard",
      connectors: "Koppelingen",
      hr: "HR-lijst",
      runs: "Synchronisaties",
      log: "Logboek",
      audit: "Audit",
    },
    language: "Taal",
    languageNames: { en: "English", nl: "Nederlands" },
  },
  auth: {
    setupTitle: "HR Gateway instellen",
    setupWelcome:
      "Welkom. Maak het eerste beheerdersaccount voor deze console aan. Alleen dit eerste account kun je hier maken; deze pagina sluit zodra het bestaat.",
    userName: "Gebruikersnaam",
    password: "Wachtwoord",
    passwordAgain: "Wachtwoord herhalen",
    createAdmin: "Beheerder aanmaken en inloggen",
    signInTitle: "Inloggen",
    signIn: "Inloggen",
    wrongCredentials: "De gebruikersnaam of het wachtwoord klopt niet.",
    tooManyAttempts: (minutes: number) =>
      `Te veel mislukte pogingen. Probeer het over ${minutes} ${minutes === 1 ? "minuut" : "minuten"} opnieuw.`,
    alreadySetUp: "De console heeft al een beheerder. Log in.",
    passwordsDiffer: "De twee wachtwoorden verschillen.",
    userNameMissing: "Vul een gebruikersnaam in.",
    userNameTooLong: "Gebruik hooguit 64 tekens.",
    userNameCharacters: "Gebruik alleen letters, cijfers en . _ @ -.",
  },
  password: {
    rule:
      "Minstens 12 tekens en niet makkelijk te raden: geen bekend wachtwoord met een paar cijfers erachter, niet je gebruikersnaam, " +
      "niet één teken of een toetsenbordreeks herhaald. Een zin van vier of vijf losse woorden is een goede keuze.",
    problem: (problem: PasswordProblem): string => {
      switch (problem.kind) {
        case "short":
          return `Gebruik minstens ${MIN_PASSWORD_LENGTH} tekens (dit wachtwoord heeft er ${problem.length}).`;
        case "few-characters":
          return "Gebruik meer verschillende tekens: dit wachtwoord herhaalt er maar een paar.";
        case "contains-user-name":
          return "Zet je gebruikersnaam niet in je wachtwoord.";
        case "common":
          return "Dit is een bekend wachtwoord met cijfers of tekens erbij; kies iets dat minder voorspelbaar is.";
        case "sequence":
          return "Toetsenbordreeksen en herhaalde patronen zijn makkelijk te raden.";
      }
    },
  },
  problems: {
    notFoundTitle: "Pagina niet gevonden",
    notFoundText: "Op dit adres staat geen pagina. Gebruik het menu om te vinden wat je zoekt.",
    failedTitle: "Er ging iets mis",
    failedText: "Het verzoek kon niet worden afgerond. De details staan in het logboek.",
    noConnectorTitle: "Koppeling bestaat niet",
    noConnectorText: "Deze koppeling bestaat niet.",
    forecastNotReadyTitle: "De voorspelling is nog niet klaar",
  },
  time: {
    never: "nooit",
  },
  dashboard: {
    title: "Dashboard",
    newConnector: "Nieuwe koppeling",
    emptyTitle: "Nog geen koppelingen",
    emptyText:
      "Een koppeling leest medewerkers uit één Nmbrs-omgeving en levert ze aan één Okta-app. Maak er een om te beginnen.",
    createConnector: "Koppeling maken",
    fromConfigFile: "config.toml",
    madeInConsole: "gemaakt in de console",
    lastSync: "Laatste synchronisatie",
    nextRun: "Volgende run",
    notScheduled: "niet gepland",
    oktaImport: "Okta-import",
    importPages: (pages: number) => `${formatCount(pages, "nl")} ${pages === 1 ? "pagina" : "pagina's"}`,
    usersServed: (users: number) => `${formatCount(users, "nl")} gebruikers geleverd`,
    inProgress: " (bezig)",
    noImportYet: "nog geen import gezien",
    served: "Geleverd",
    servedCounts: (users: number, active: number, groups: number) =>
      `${formatCount(users, "nl")} gebruikers (${formatCount(active, "nl")} actief), ${formatCount(groups, "nl")} groepen`,
    nothingYet: "nog niets",
    warnings: "Waarschuwingen",
    reviewHeldRun: (id: number) => `Tegengehouden run #${id} beoordelen`,
    reviewHeldPeople: (count: number) =>
      `${formatCount(count, "nl")} ${count === 1 ? "tegengehouden persoon" : "tegengehouden personen"} beoordelen`,
    cardLinks: (connector: string) => `Pagina's van ${connector}`,
    hrList: "HR-lijst",
    runs: "Synchronisaties",
    oktaSetup: "Okta instellen",
    forecastLink: "Voorspelling van de volgende import",
    nextImport: (c: ImportCounts) =>
      `Volgende import: ${c.new} nieuw, ${c.updated} gewijzigd, ${c.deactivated} gedeactiveerd, ${c.reactivated} heractiveerd, ${c.removed} verwijderd`,
    safeguardWouldTrip: "De importbeveiliging van Okta zou ingrijpen",
    health: {
      healthy: "Gezond",
      failing: "Mislukt",
      held: "Wacht op goedkeuring",
      attention: "Vraagt aandacht",
      syncing: "Bezig met synchroniseren",
      new: "Nog niet gesynchroniseerd",
    },
    reasons: {
      notScheduled: (problem: string) =>
        `Niet gepland: ${problem}. Corrigeer het in de instellingen; de andere koppelingen draaien gewoon door.`,
      runHeld: "een run wacht op goedkeuring",
      peopleHeld: (count: number) =>
        `${formatCount(count, "nl")} ${count === 1 ? "persoon wacht" : "personen wachten"} op goedkeuring; al het andere is doorgevoerd`,
      syncing: "er loopt een synchronisatie",
      neverSynced: "nog niet gesynchroniseerd",
      notApplied: (status: string) => `de laatste run is ${status}: niets van wat die las is doorgevoerd`,
      noNextRun: "er is geen volgende run gepland",
    },
    setupProgress: (done: number, total: number) => `Inrichting: ${done} van ${total} klaar`,
    stepDone: "(klaar)",
    stepToDo: "(te doen)",
    setupSteps: {
      source: {
        label: "Verbinding met de bron getest",
        hint: (fromFile: boolean): string =>
          fromFile
            ? "start Nu synchroniseren: een geslaagde synchronisatie bewijst de verbinding"
            : "gebruik Verbinding testen op het formulier van de koppeling, of start een synchronisatie",
      },
      credential: {
        label: "Okta-inloggegevens aangemaakt",
        hint: (fromFile: boolean): string =>
          fromFile
            ? "zet [connectors.scim] password_env of bearer_token_env in config.toml"
            : "maak een wachtwoord of bearer-token aan op de pagina Okta instellen",
      },
      import: {
        label: "Eerste Okta-import gezien",
        hint: (_fromFile: boolean): string =>
          "in Okta: Import → Import Now (verzoeken van andere clients tellen niet mee)",
      },
    },
  },
  dataProblems: {
    no_email: ["persoon zonder e-mailadres", "personen zonder e-mailadres"],
    no_name: ["persoon zonder voor- of achternaam", "personen zonder voor- of achternaam"],
    conflict: ["conflict in gebruikersnaam", "conflicten in gebruikersnamen"],
    email_domain: ["e-mailadres naar een ander domein verhuisd", "e-mailadressen naar een ander domein verhuisd"],
    emptied: ["bewaakt attribuut dat leeg werd", "bewaakte attributen die leeg werden"],
    manager: ["manager die niet gevonden kon worden", "managers die niet gevonden konden worden"],
    group_name: ["groep zonder bruikbare naam", "groepen zonder bruikbare naam"],
    duplicate: ["persoon die twee keer voorkomt", "personen die twee keer voorkomen"],
    mapping: ["persoon bij wie een mapping-expressie faalde", "personen bij wie een mapping-expressie faalde"],
    login_suggested: [
      "persoon voor wie de nieuwe naam een andere gegenereerde gebruikersnaam voorstelt",
      "personen voor wie de nieuwe naam een andere gegenereerde gebruikersnaam voorstelt",
    ],
  },
  connectors: {
    title: "Koppelingen",
    newConnector: "Nieuwe koppeling",
    deleted: (name: string) => `Koppeling "${name}" is verwijderd.`,
    none: "Nog geen koppelingen.",
    columns: {
      connector: "Koppeling",
      hrSystem: "HR-systeem",
      definedIn: "Vastgelegd in",
      status: "Status",
      lastSync: "Laatste synchronisatie",
      nextRun: "Volgende run",
    },
    fromConfigFile: "config.toml",
    fromConsole: "console",
    notScheduled: "niet gepland",
    view: "Bekijken",
    edit: "Bewerken",
    oktaSetup: "Okta instellen",
  },
  afas: {
    kind: "AFAS Profit (REST API, token van de App Connector)",
    credentials: "Verbinding met AFAS Profit",
    baseUrl: "Basis-URL",
    baseUrlHint:
      "https://<omgevingsnummer>.rest.afas.online/ProfitRestServices (resttest of restaccept voor een testomgeving).",
    token: "Token",
    tokenHint:
      "Het hele <token>…</token> dat de App Connector één keer toont (tabblad Gebruikerstokens), of alleen het data-deel.",
    integrationId: "Integratie-id",
    integrationIdHint:
      "Optioneel: <abonnement>_<project>, meegestuurd als IntegrationId (verplicht voor AFAS-partners).",
    pageSize: "Rijen per verzoek",
    pageSizeHint: "2 tot 10000; pagina's overlappen één rij.",
    timeout: "Maximale wachttijd per verzoek (seconden)",
    timeoutHint: "1 tot 900, de eigen grens van AFAS.",
    helpTitle: "Waar je de GetConnectors, de App Connector en het token maakt",
    step1:
      "In Profit, Algemeen / Uitvoer / Beheer / GetConnector: maak HRGateway_Employees, HRGateway_Employments en HRGateway_OrgUnits met de velden uit docs/afas.md (id's precies zo geschreven).",
    step2:
      'Algemeen / Beheer / App connector: een nieuwe App Connector "HR Gateway" met deze drie GetConnectors; geef de gebruikersgroep rechten op elke werkgever die gelezen moet worden.',
    step3:
      "Tabblad Gebruikerstokens: Nieuw, kies de gebruiker en plak het token hier. Het wordt maar één keer getoond.",
    step4: "Heeft de App Connector een IP-beperking, sta dan het uitgaande adres van deze gateway toe.",
    step5: "Verbinding testen: de test noemt elke GetConnector of elk veld dat ontbreekt.",
  },
  tables: {
    actions: "Acties",
  },
  mapping,
  generatedLogin: {
    title: "Gegenereerde gebruikersnaam",
    suggested: (kept: string, suggested: string) =>
      `Deze persoon houdt de gegenereerde gebruikersnaam ${kept}; de naam in HR geeft nu ${suggested}.`,
    approveHelp:
      "Goedkeuren legt de nieuwe gebruikersnaam voorgoed vast: de volgende synchronisatie levert hem en Okta hernoemt het account bij de volgende import (de rem op hernoemingen blijft gelden). De oude gebruikersnaam krijgt nooit meer iemand anders.",
    approve: "Nieuwe gebruikersnaam goedkeuren",
    approved: (login: string) => `Goedgekeurd: de volgende synchronisatie levert ${login}.`,
    notApproved: "De gebruikersnaam is niet gewijzigd",
  },
  exclusions,
  runs: {
    status: {
      running: "bezig",
      succeeded: "geslaagd",
      approved: "goedgekeurd",
      failed: "mislukt",
      held: "tegengehouden",
      rejected: "afgewezen",
      superseded: "vervangen",
    },
    syncNow: "Nu synchroniseren",
    showProgress: "Voortgang tonen",
    didNotStart: "De synchronisatie is niet gestart",
    applying: "Alles is gelezen; de wijzigingen worden berekend en doorgevoerd…",
    reading: (done: number, total: number, employees: number) =>
      `Bedrijven lezen: ${done} van ${total || "?"} klaar · ${formatCount(employees, "nl")} medewerkers gelezen`,
    companiesRead: "Bedrijven gelezen",
    noRun: "Geen run vastgelegd.",
    runTitle: (id: number) => `Run ${id}:`,
    peopleWait: (count: number) =>
      `${formatCount(count, "nl")} ${count === 1 ? "persoon wacht" : "personen wachten"} op goedkeuring; de wijzigingen van alle anderen zijn doorgevoerd.`,
    reviewHeldPeople: "Tegengehouden personen beoordelen",
    reviewHeldRun: "Tegengehouden run beoordelen",
    openRun: "Run openen",
    noCounts: "geen aantallen",
    counts: {
      companies: (n: number) => `${formatCount(n, "nl")} ${n === 1 ? "bedrijf" : "bedrijven"}`,
      employeesRead: (n: number) => `${formatCount(n, "nl")} medewerkers gelezen`,
      served: (served: number, active: number) =>
        `${formatCount(served, "nl")} geleverd (${formatCount(active, "nl")} actief)`,
      changes: (created: number, updated: number, removed: number) =>
        `${formatCount(created, "nl")} aangemaakt, ${formatCount(updated, "nl")} gewijzigd, ${formatCount(removed, "nl")} verwijderd`,
      held: (n: number) => `${formatCount(n, "nl")} wachten op goedkeuring`,
    },
  },
  groups,
  connectorPages,
  runPages,
  shared,
  previewPages,
  holdPages,
  hrPages,
  logPages,
  auditPages,
  forecastPage,
  nmbrsRest,
  loket,
  loketConsent,
  youforce,
  oktaPage,
  oktaSteps,
};
