import type { OktaPageMessages } from "../en/okta-page.js";

/** Dutch: de pagina Okta instellen rond de stappen. Okta's eigen (Engelse) namen van menu's en velden blijven. */
export const oktaPage: OktaPageMessages = {
  title: (connector: string) => `Okta instellen: ${connector}`,
  crumb: (id: string) => `${id}: Okta instellen`,
  copy: "Kopiëren",
  copyLabel: (what: string) => `${what} kopiëren`,
  declaredTitle: "Vastgelegd in config.toml",
  declaredText: "De SCIM-inloggegevens van deze koppeling staan in config.toml; wijzig ze daar.",
  invalidUserNameTitle: "Ongeldige gebruikersnaam",
  invalidUserNameText: "Gebruik 1 tot 64 letters, cijfers en . _ @ - voor de SCIM-gebruikersnaam.",
  rotateTitle: (basic: boolean, username: string | null) =>
    `${basic ? `Het SCIM-wachtwoord van ${username}` : "Het SCIM-bearer-token"} vervangen?`,
  rotateWarnTitle: "Okta's imports mislukken tot je het nieuwe geheim in Okta plakt",
  rotateWarnText: "Een nieuw geheim vervangt deze meteen; ze werken niet meer zodra je bevestigt:",
  rotateConfirm: (count: number) =>
    `Ja, vervangen en ${count === 1 ? "het huidige inloggegeven" : "de huidige inloggegevens"} intrekken`,
  cancel: "Annuleren",
  secretGone:
    "Het nieuwe geheim is één keer getoond en is hier niet meer te zien; de gateway bewaart alleen een hash. Is het niet in Okta terechtgekomen, genereer dan een nieuw.",
  connectionValues: "Verbindingsgegevens",
  baseUrl: "Base URL",
  scimUserName: "SCIM-gebruikersnaam",
  credentials: "Inloggegevens",
  fileCredentials: "De SCIM-inloggegevens van deze koppeling staan in config.toml.",
  userName: "Gebruikersnaam",
  rotatePassword: "Wachtwoord vervangen",
  generatePassword: "Wachtwoord genereren",
  rotateBearer: "Bearer-token vervangen",
  generateBearer: "Liever een bearer-token genereren",
  rotateHint: "Een nieuw geheim trekt het vorige meteen in: werk Okta direct daarna bij.",
  attributesTitle: "Attributen voor de Profile Editor",
  attributesText: (app: string) =>
    `Voeg elk attribuut toe via Profile Editor → ${app} User → Add Attribute, met deze waarden. Dit zijn de attributen die deze koppeling met haar huidige instellingen levert.`,
  attributesLabel: "Attributen om in Okta toe te voegen",
  attributeColumns: {
    variableName: "Variabelenaam",
    externalName: "Externe naam",
    namespace: "Externe namespace",
    type: "Type",
    holds: "Inhoud",
  },
  variableNameOf: (name: string) => `variabelenaam ${name}`,
  externalNameOf: (name: string) => `externe naam van ${name}`,
  namespaceOf: (name: string) => `externe namespace van ${name}`,
  attributeDescription: (variableName: string, english: string) => ATTRIBUTE_DESCRIPTIONS[variableName] ?? english,
  notServed: "Niet geleverd door deze koppeling, dus niet vermeld:",
  needs: (setting: string) => `(vereist ${setting})`,
  settings: {
    costCenter: "groepen per kostenplaats (groups.kinds = cost_center)",
    managers: "managers",
    privateContact: "privé-contactgegevens (private_contact)",
  },
  coreSummary: (namespace: string) => `Attributen die Okta's SCIM-sjabloon al heeft (namespace ${namespace})`,
  coreLabel: "Basisattributen",
  coreColumns: { variableName: "Variabelenaam", externalName: "Externe naam", fromHr: "Uit HR" },
  coreSources: {
    workEmail: "zakelijk e-mailadres (of privé-e-mailadres)",
    givenName: "Roepnaam, anders voornaam",
    familyName: "tussenvoegsel + achternaam",
  },
  unreachableTitle: "Okta kan deze Base URL niet bereiken",
  unreachable: {
    invalid: "het is geen geldige URL",
    loopback: "het wijst naar deze machine zelf (een loopback-adres)",
    private: "het is een privé-netwerkadres, dat Okta vanaf internet niet kan bereiken",
    http: "het gebruikt gewoon http; Okta vereist https",
  },
  unreachableText:
    'Okta verbindt vanaf internet en vereist https op een openbaar adres, dus "Test Connector Configuration" zou mislukken.',
  proxyBefore: "Zet een reverse proxy met een TLS-certificaat vóór de gateway en zet",
  proxyIn: "in de sectie",
  proxyAfter: "van config.toml op zijn https-adres (bijvoorbeeld",
  proxyEnd:
    "), en start daarna opnieuw: de Base URL wordt daaruit opgebouwd. docs/reverse-proxy.md laat de inrichting van de proxy zien.",
  noCredentials: "nog geen: Okta kan pas verbinden als je er een genereert",
  passwordFor: (username: string) => `Wachtwoord voor ${username}`,
  bearerToken: "Bearer-token",
  setOn: "ingesteld op",
  lastUsed: "laatst gebruikt",
  notUsedYet: " · nog niet gebruikt",
  newPassword: "Nieuw SCIM-wachtwoord",
  newBearer: "Nieuw bearer-token",
  copyNow:
    "Kopieer het nu en plak het in Okta. Het wordt alleen deze ene keer getoond; de gateway bewaart alleen een hash.",
  newSecret: "Nieuw geheim",
  previousGone: "Eerdere inloggegevens van deze koppeling werken niet meer.",
};

/** What each served attribute holds (the schema's descriptions in src/scim/schema and okta/profile-attributes.ts). */
const ATTRIBUTE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  employeeNumber: "Personeelsnummer uit HR (eventueel met het bedrijfsnummer ervoor).",
  organization: "Naam van het bedrijf waar de persoon in dienst is.",
  department: "Naam van de afdeling uit HR.",
  costCenter: "Kostenplaats, als groepen per kostenplaats aanstaan.",
  managerId: "SCIM-id van de manager, als managers aanstaan.",
  manager: "Naam van de manager, als managers aanstaan.",
  privateEmail: "Privé-e-mailadres uit HR, alleen met privé-contactgegevens aan.",
  privateMobile: "Privé-mobiel nummer uit HR, alleen met privé-contactgegevens aan.",
  hrStartDate: "Eerste werkdag (JJJJ-MM-DD) van het dienstverband dat de persoon zichtbaar maakt.",
  hrEndDate: "Laatste werkdag (JJJJ-MM-DD) van dat dienstverband; ontbreekt als het geen einddatum heeft.",
  hrCompanyNumber: "Nummer van het bedrijf in het HR-systeem waar de persoon in dienst is.",
};
