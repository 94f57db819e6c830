import { formatCount } from "../../../views/format.js";
import { type ConnectorPageMessages, sentence } from "../en/connector-pages.js";

/** Dutch: the connector's own pages (typed as the English shape, so a missing key is a type error). */
export const connectorPages: ConnectorPageMessages = {
  newTitle: "Nieuwe koppeling",
  editTitle: (name: string) => `${name} bewerken`,
  fileNote:
    "Vastgelegd in config.toml: hier alleen te bekijken. Wijzig het in het bestand en start de gateway opnieuw.",
  readOnlyTitle: "Alleen-lezen koppeling",
  previews: "Voorbeelden",
  viewSettings: "Instellingen bekijken",
  edit: "Bewerken",
  delete: "Verwijderen…",
  connectedTitle: "Verbonden met Nmbrs",
  connectedText: "De gateway kan de Nmbrs REST API nu lezen. Start een synchronisatie om het te controleren.",
  switchedTitle: (api: string) => `Overgestapt op ${api}`,
  switchedText: (api: string) =>
    `De volgende synchronisatie leest ${api} en koppelt iedereen die Okta ziet; als iemand niet te koppelen is, wacht hij op goedkeuring.`,
  restConnection: "Verbinding met de Nmbrs REST API",
  problemsTitle: (count: number) => `Gegevensproblemen (${formatCount(count, "nl")})`,
  noProblems: "De laatste synchronisatie vond geen problemen in de HR-gegevens.",
  problemsLabel: "Gegevensproblemen",
  problemColumns: { kind: "Soort", person: "Persoon", detail: "Details" },
  deleteTitle: (name: string) => `${name} verwijderen?`,
  cannotUndo: "Dit kan niet ongedaan worden gemaakt",
  deleteText:
    "De koppeling, alles wat ze aan Okta levert, de SCIM-id's van haar personen, haar geschiedenis en haar SCIM-inloggegevens worden verwijderd. Okta's volgende import uit deze app kan zich niet meer aanmelden; wordt de app aan een nieuwe koppeling gekoppeld, dan ziet Okta iedere gebruiker als nieuw.",
  confirmDelete: (id: string) => `Ja, ${id} verwijderen`,
  cancel: "Annuleren",
  syncRunningTitle: "Er loopt een synchronisatie",
  syncRunningText: "Wacht tot de synchronisatie klaar is en verwijder dan.",
  idTaken: (id: string) => `Er bestaat al een koppeling "${id}".`,
  noLongerDeclared: "Deze koppeling staat niet meer in config.toml: er valt niets te testen.",
  form: {
    correctFields: "Verbeter de velden die hieronder gemarkeerd zijn.",
    nothingSaved: "Er is niets opgeslagen.",
    connector: "Koppeling",
    id: "Id",
    idHint: "Kleine letters, cijfers en streepjes. Deel van de SCIM Base URL; kan later niet meer veranderen.",
    name: "Weergavenaam",
    nameHint: "Getoond in deze console; leeg betekent de id.",
    hrSystem: "HR-systeem",
    kinds: { soap: "Nmbrs (SOAP API, API-token)", rest: "Nmbrs (REST API, OAuth)" },
    credentials: "Inloggegevens voor Nmbrs",
    soapKept: "SOAP API (bewaard om terug te kunnen tot 1 maart 2027)",
    soapHint:
      "Een API-token van een Nmbrs-gebruiker met leesrechten op de bedrijven (Nmbrs: Instellingen → Gebruikersaccounts → API token).",
    username: "Nmbrs-gebruiker (e-mail)",
    token: "API-token",
    domain: "Domein",
    domainHint: "Het deel vóór .nmbrs.nl, bijvoorbeeld acme.",
    endpoint: "SOAP-endpoint",
    restOptional: "REST API (voor de overstap vóór 1 maart 2027; tot dan optioneel)",
    restHint:
      "Client-id en -secret van je app in het Nmbrs-partnerportaal (partner-portal.nmbrsapp.com/integrations); de subscription key (primary key) uit je profiel in het Nmbrs-ontwikkelaarsportaal (developer.payroll.nmbrs.com/profile).",
    clientId: "Client-id",
    clientSecret: "Client-secret",
    subscriptionKey: "Subscription key",
    apiUrl: "API-URL",
    identityUrl: "Identity-URL",
    connectAfterSaving:
      "Verbind de gateway na het opslaan hier met Nmbrs (OAuth-toestemming door een Nmbrs-beheerder).",
    testConnection: "Verbinding testen",
    connecting: "Verbinden…",
    companies: "Bedrijven",
    companiesHint: "Niets gekozen: elk bedrijf dat deze inloggegevens kunnen zien.",
    company: (number: string) => `Bedrijf ${number}`,
    listCompanies: 'Gebruik "Verbinding testen" om de bedrijven op te halen.',
    lifecycle: "Levenscyclus",
    daysBefore: "Dagen vóór de start",
    daysBeforeHint: "Een nieuwe medewerker verschijnt zoveel dagen vóór de eerste werkdag in Okta.",
    daysAfter: "Dagen na het einde",
    daysAfterHint: "Na uitdiensttreding blijft iemand zoveel dagen na de laatste werkdag actief.",
    retentionDays: "Bewaartermijn (dagen)",
    retentionHint:
      "Daarna zo lang als inactief geleverd, zodat Okta de gebruiker deactiveert, voordat hij wordt verwijderd.",
    historyDays: "Geschiedenis bewaren (dagen)",
    timezone: "Tijdzone",
    timezoneHint: "Datums en het schema worden in deze tijdzone bepaald.",
    employeeNumber: "Personeelsnummer",
    employeeNumberPlain: "Zoals in het HR-systeem (1002)",
    employeeNumberPrefixed: "Met bedrijfsnummer (1-1002)",
    schedule: "Schema",
    cron: "Synchronisatieschema (cron)",
    cronHint: 'Vijf velden: minuut uur dag maand weekdag. "15 * * * *" = elk uur om :15.',
    reevaluateAt: "Dagelijkse herbeoordeling (UU:MM)",
    reevaluateHint: "Datums verschuiven om middernacht, ook als er in HR niets verandert.",
    identity: "Identiteit",
    groupsAndData: "Groepen en gegevens",
    groupKinds: "Groepen die Okta krijgt",
    managers: "Managers",
    managersHint:
      "Lees de manager van elke medewerker en lever die als enterprise manager (bij Nmbrs SOAP: één extra aanroep per medewerker).",
    safety: "Veiligheid en meldingen",
    holdThreshold: "Drempel voor tegenhouden (%)",
    holdThresholdHint:
      "Een run die meer dan dit deel van de geleverde gebruikers zou deactiveren of verwijderen, wacht op goedkeuring.",
    holdScope: "Boven de drempel tegenhouden:",
    holdScopeConnector: "elke deactivering van deze koppeling",
    holdScopeCompany: "alleen de deactiveringen van de bedrijven boven de drempel",
    holdScopeHint:
      "Per bedrijf: een reorganisatie in één bedrijf houdt de uitdiensttredingen van de andere niet tegen.",
    notifyEmail: "Melding per e-mail",
    notifyEmailHint: "Gescheiden door komma's; krijgt bericht als een run mislukt of wordt tegengehouden.",
    notifyWebhook: "Webhook-URL voor meldingen",
    create: "Koppeling aanmaken",
    save: "Wijzigingen opslaan",
  },
  identity: {
    userNameFrom: "Okta-login (userName) uit",
    sources: {
      work: "Alleen zakelijk e-mailadres (wie er geen heeft, staat als probleem vermeld en wordt niet geleverd)",
      "work,private": "Zakelijk e-mailadres, anders het privé-adres",
      "private,work": "Privé-e-mailadres, anders het zakelijke",
      private: "Alleen privé-e-mailadres",
      "work,generated": "Zakelijk e-mailadres, anders een gegenereerde gebruikersnaam",
      "work,private,generated": "Zakelijk e-mailadres, anders het privé-adres, anders een gegenereerde gebruikersnaam",
      generated: "Altijd een gegenereerde gebruikersnaam",
    },
    userNameHint:
      "Een privé-adres (gmail, hotmail, ziggo) als Okta-login stuurt wachtwoordherstel naar een mailbox die het bedrijf niet beheert. Verander je dit voor een koppeling die Okta al importeert, dan worden de gebruikers van wie het adres verandert hernoemd.",
    generatedDomain: "Gegenereerde gebruikersnamen op",
    generatedDomainHint:
      'Verplicht als de gebruikersnaam gegenereerd mag worden: wie geen adres heeft, krijgt roepnaam.achternaam@ dit domein. Een eenmaal gegeven gebruikersnaam blijft van die persoon en gaat nooit naar iemand anders (docs/mapping.md, "Generated logins").',
    generatedFormat: "Opbouw van gegenereerde gebruikersnamen",
    generatedFormatHint:
      "Optioneel: een CEL-expressie die het deel vóór de @ geeft. Leeg: de ingebouwde opbouw, roepnaam anders voornaam, een punt, dan tussenvoegsel en achternaam (Zoë van der Berg → zoe.vanderberg).",
    privateContact: "Privé-contactgegevens",
    privateContactHint: "Lever privé-e-mailadres en mobiel nummer in de hrgateway-extensie.",
    groupNames: "Groepsnamen",
    templateHint:
      "Plaatshouders: {name}, {code} en {company}. Afdelingen, functies en kostenplaatsen zijn in het HR-systeem per bedrijf genummerd: zonder {company} is de afdeling Sales van twee bedrijven één groep in Okta. Voeg je {company} toe aan een koppeling die Okta al importeert, dan ontstaan nieuwe groepen (de oude lopen leeg): Okta-groepsregels en app-toewijzingen moeten naar de nieuwe.",
    emptyNew:
      " Leeg: {name} als er één bedrijf gekozen is, anders {name} ({company}) voor afdelingen, functies en kostenplaatsen.",
    emptyExisting: " Leeg: {name}.",
    exampleOf: (example: string, company: string) => `${example} van ${company}`,
    groupKinds: {
      department: "Afdeling",
      company: "Bedrijf",
      function: "Functie",
      employee_type: "Soort medewerker",
      cost_center: "Kostenplaats",
    },
  },
  privateLogins: {
    text: (count: number) =>
      `${formatCount(count, "nl")} ${count === 1 ? "persoon krijgt" : "personen krijgen"} een privé-e-mailadres als Okta-login`,
    markedIn: "gemarkeerd in de",
    hrList: "HR-lijst",
    advice: "Geef ze een zakelijk adres in het HR-systeem; om nieuwe te voorkomen, zet je de",
    oktaLogin: "Okta-login",
    toWorkOnly: "op alleen het zakelijke e-mailadres",
  },
  connectionTest: {
    fillInFirst: "Vul eerst de inloggegevens in",
    failed: "Verbinding mislukt",
    connected: (count: number) =>
      `Verbonden: ${formatCount(count, "nl")} ${count === 1 ? "bedrijf" : "bedrijven"} gevonden`,
    selectCompanies: "Kies de bedrijven die gelezen worden, of geen voor allemaal.",
    timedOut: (seconds: number) => `Het HR-systeem antwoordde niet binnen ${seconds} seconden.`,
    unexpected: "De test mislukte onverwacht; de details staan in het logboek.",
  },
  schedulePreview: {
    enterTimeZone: "Vul een geldige tijdzone in om de volgende runs te zien.",
    nextRuns: (timezone: string, reevaluateAt: string) =>
      `Volgende runs (${timezone}), plus een dagelijkse herbeoordeling om ${reevaluateAt}:`,
  },
  fieldErrors: {
    required: {
      id: 'Vul een id in, bijvoorbeeld "acme".',
      "nmbrs.username": "Vul het e-mailadres in van de Nmbrs-gebruiker van wie het API-token is.",
      "nmbrs.token": "Vul het API-token in.",
      "nmbrs.domain": "Vul het Nmbrs-domein in: het deel vóór .nmbrs.nl.",
      "nmbrs_rest.client_id": "Vul de client-id in.",
      "nmbrs_rest.client_secret": "Vul het client-secret in.",
      "nmbrs_rest.subscription_key": "Vul de subscription key in.",
      "identity.generated_domain": 'Vul het domein van de gegenereerde gebruikersnamen in, bijvoorbeeld "acme.nl".',
    },
    enterValue: "Vul een waarde in.",
    reserved: (id: string) => `"${id}" is door de console gereserveerd; kies een andere id.`,
    enterAgain: "Vul het opnieuw in: het adres waar het naartoe gaat is veranderd.",
    configMessage: (message: string) => dutchConfigMessage(message),
  },
};

/** config.toml's validation messages (src/config/schema.ts, cron-schedule.ts) in Dutch. */
const CONFIG_MESSAGES: Readonly<Record<string, string>> = {
  "must be 0 or more": "Moet 0 of meer zijn.",
  "must be a URL": "Moet een URL zijn.",
  "must be a cron expression": "Moet een cron-schema zijn.",
  "must be a number": "Moet een getal zijn.",
  "must be a text": "Moet tekst zijn.",
  "must be a whole number": "Moet een geheel getal zijn.",
  "must be an e-mail address": "Moet een e-mailadres zijn.",
  "must be lowercase letters, digits and dashes (it is part of the SCIM URL)":
    "Alleen kleine letters, cijfers en streepjes (het is deel van de SCIM-URL).",
  "must be the e-mail address of the Nmbrs user": "Moet het e-mailadres van de Nmbrs-gebruiker zijn.",
  "must name at least one address": "Kies minstens één adres.",
  "must name each address once": "Kies elk adres maar één keer.",
  "must not be empty": "Mag niet leeg zijn.",
  "must start with http:// or https://": "Moet beginnen met http:// of https://.",
  'must be an IANA time zone such as "Europe/Amsterdam"': 'Moet een IANA-tijdzone zijn, zoals "Europe/Amsterdam".',
  'must be "work" or "private"': 'Moet "work" of "private" zijn.',
  'must be "work", "private" or "generated"': 'Moet "work", "private" of "generated" zijn.',
  'must be a domain such as "acme.nl"': 'Moet een domein zijn, zoals "acme.nl".',
  'must be only the part before .nmbrs.nl, e.g. "acme"': 'Alleen het deel vóór .nmbrs.nl, bijvoorbeeld "acme".',
  'must be "connector" or "company"': 'Moet "connector" of "company" zijn.',
  'must be a time HH:MM, e.g. "00:05"': 'Moet een tijd UU:MM zijn, bijvoorbeeld "00:05".',
  'must be "plain" or "company-prefixed"': 'Moet "plain" of "company-prefixed" zijn.',
};

/** The cron problems of cron-schedule.ts, which quote the expression: the reason after it, in Dutch. */
const CRON_REASONS: Readonly<Record<string, string>> = {
  "cannot run: the second must be 0–59": "kan niet draaien: de seconde moet 0–59 zijn",
  "cannot run: the minute must be 0–59": "kan niet draaien: de minuut moet 0–59 zijn",
  "cannot run: the hour must be 0–23": "kan niet draaien: het uur moet 0–23 zijn",
  "cannot run: the day of the month must be 1–31": "kan niet draaien: de dag van de maand moet 1–31 zijn",
  "cannot run: the month must be 1–12 (or JAN–DEC)": "kan niet draaien: de maand moet 1–12 zijn (of JAN–DEC)",
  "cannot run: the weekday must be 0–7 (Sunday is 0 or 7, or SUN–SAT)":
    "kan niet draaien: de weekdag moet 0–7 zijn (zondag is 0 of 7, of SUN–SAT)",
  "never runs: no date matches it": "draait nooit: geen enkele datum past erbij",
  'is not a cron schedule: use five fields, minute hour day month weekday, e.g. "15 * * * *" (every hour at :15)':
    'is geen cron-schema: gebruik vijf velden, minuut uur dag maand weekdag, bijvoorbeeld "15 * * * *" (elk uur om :15)',
};

/** Dutch for a config message; one the tables do not know yet stays as config.toml wrote it. */
export function dutchConfigMessage(message: string): string {
  const known = CONFIG_MESSAGES[message];
  if (known) return known;
  const atMost = message.match(/^must be at most (\d+)$/);
  if (atMost) return `Mag hoogstens ${atMost[1]} zijn.`;
  const oneOf = message.match(/^must be one of (.+)$/);
  if (oneOf) return `Moet een van deze zijn: ${oneOf[1]}.`;
  // A CEL problem (identity.generated_format) keeps the compiler's words; its position reads as on the Mapping page.
  const at = message.match(/^(.+) \(line (\d+), column (\d+)\)$/);
  if (at) return sentence(`${at[1]} (regel ${at[2]}, kolom ${at[3]})`);
  const cron = message.match(/^(".*") (.+)$/);
  const reason = cron?.[2] && CRON_REASONS[cron[2]];
  if (cron && reason) return sentence(`${cron[1]} ${reason}`);
  return sentence(message);
}
