import type { OktaStepMessages, StepParts } from "../en/okta-steps.js";

/** Dutch: de klikken in Okta. Okta's menu's en velden blijven in Okta's eigen (Engelse) woorden, met lang="en". */
export const oktaSteps: OktaStepMessages = {
  title: "Stappen in Okta",
  app: (p: StepParts) => (
    <>
      <strong>Maak de app.</strong> In de Okta Admin Console:{" "}
      <strong lang="en">Applications → Applications → Create App Integration</strong>, aanmeldmethode{" "}
      <strong>SWA</strong> of <strong>SAML 2.0</strong> (de App Integration Wizard; apps uit Okta's catalogus kunnen
      niet importeren uit een eigen SCIM-server). Naam van de app: {p.appName}. Rond de wizard af en ga dan op het
      tabblad <strong lang="en">General</strong> van de app naar <strong lang="en">App Settings → Edit</strong>: zet{" "}
      <strong>Provisioning</strong> op <strong>SCIM</strong> en sla op; kies onder{" "}
      <strong lang="en">App visibility</strong> <span lang="en">"Do not display application icon to users"</span> en{" "}
      <span lang="en">"Do not display application icon in the Okta Mobile app"</span> (de app is alleen een bron).
    </>
  ),
  credentialTitle: "Zorg dat je een inloggegeven hebt.",
  connectTitle: "Verbind.",
  baseUrlLabel: "SCIM connector base URL:",
  uniqueIdLabel: "Unique identifier field for users:",
  actions: () => (
    <>
      Supported provisioning actions: alleen <strong lang="en">Import New Users and Profile Updates</strong> en{" "}
      <strong lang="en">Import Groups</strong>. Laat <span lang="en">Push New Users</span>,{" "}
      <span lang="en">Push Profile Updates</span> en <span lang="en">Push Groups</span> uit: de gateway is alleen-lezen.
    </>
  ),
  bearerMode: (p: StepParts) => (
    <>
      Authentication Mode <strong lang="en">HTTP Header</strong>: header {p.headerName}, waarde: het bearer-token (Okta
      stuurt het als <code>Authorization: Bearer …</code>). (Met een wachtwoord is de modus{" "}
      <strong lang="en">Basic Auth</strong>.)
    </>
  ),
  basicMode: (p: StepParts) => (
    <>
      Authentication Mode <strong lang="en">Basic Auth</strong>: Username {p.username}, Password: het wachtwoord uit{" "}
      <a href="#credentials">Verbindingsgegevens</a>. (Met een bearer-token is de modus{" "}
      <strong lang="en">HTTP Header</strong>.)
    </>
  ),
  testAndSave: () => (
    <>
      Klik op <strong lang="en">Test Connector Configuration</strong> (Okta leest twee gebruikers om de URL en het
      inloggegeven te controleren) en daarna op <strong lang="en">Save</strong>.
    </>
  ),
  toApp: () => (
    <>
      <strong>
        <span lang="en">To App</span>: uit laten.
      </strong>{" "}
      Laat onder <strong lang="en">Provisioning → To App</strong> <span lang="en">Create Users</span>,{" "}
      <span lang="en">Update User Attributes</span> en <span lang="en">Deactivate Users</span> uitgevinkt. De gateway
      verandert nooit HR-gegevens en beantwoordt elke schrijfpoging met <code>501</code>.
    </>
  ),
  toOkta: () => (
    <>
      <strong lang="en">To Okta.</strong> <strong lang="en">Provisioning → To Okta → Edit</strong>:
    </>
  ),
  general: (p: StepParts) => (
    <>
      <strong lang="en">General</strong>: een importschema (Okta biedt elk uur, dagelijks of wekelijks; ná de
      synchronisatie van de gateway, die draait op <code>{p.schedule}</code> in {p.timezone}),
      Okta-gebruikersnaamformaat <strong lang="en">Email</strong> (of Custom met {p.usernameExpression}).{" "}
      <strong lang="en">Import Safeguards</strong>: houd Okta's standaard (20%). De eigen rem van de gateway houdt een
      run die meer dan {p.maxPercent}% van de geleverde personen zou deactiveren al tegen, voordat Okta hem ziet.
    </>
  ),
  matching: () => (
    <>
      <strong lang="en">User Creation &amp; Matching</strong>: een geïmporteerde gebruiker is een exacte match als het
      Okta-gebruikersnaamformaat overeenkomt. Laat <span lang="en">"Confirm matched users"</span> en{" "}
      <span lang="en">"Confirm new users"</span> uit bij de eerste import, zodat je die kunt nakijken.
    </>
  ),
  sourcing: (p: StepParts) => (
    <>
      <strong lang="en">Profile &amp; Lifecycle Sourcing</strong>: zet{" "}
      <strong lang="en">Allow {p.app} to source Okta users</strong> aan. Als een gebruiker in de app wordt
      gedeactiveerd: <strong lang="en">Deactivate</strong> (of <span lang="en">Suspend</span>); als hij weer actief
      wordt: de Okta-gebruiker weer activeren.
    </>
  ),
  profile: (p: StepParts) => (
    <>
      <strong>Attributen.</strong> <strong lang="en">Directory → Profile Editor → {p.app} User → Add Attribute</strong>{" "}
      voor elk attribuut in <a href="#attributes">Attributen voor de Profile Editor</a>, en daarna{" "}
      <strong lang="en">Mappings → {p.app} to Okta User</strong> om ze te koppelen.
    </>
  ),
  firstImport: (p: StepParts) => (
    <>
      <strong>Eerste import.</strong> Klik op het tabblad <strong lang="en">Import</strong> van de app op{" "}
      <strong lang="en">Import Now</strong>: Okta importeert de gebruikers, en de groepen omdat{" "}
      <span lang="en">Import Groups</span> aanstaat. Vergelijk het resultaat met de <a href={p.hrListHref}>HR-lijst</a>{" "}
      en bevestig dan de gebruikers.
    </>
  ),
  copyLabels: {
    appName: "naam van de app",
    baseUrl: "SCIM connector base URL",
    uniqueId: "unique identifier field",
    headerName: "naam van de header",
    username: "Basic Auth-gebruikersnaam",
    usernameExpression: "expressie voor de gebruikersnaam",
  },
  secretWhat: (bearer: boolean) => (bearer ? "bearer-token" : "wachtwoord"),
  secretAbove: (what: string) =>
    `Het nieuwe ${what} staat bovenaan deze pagina: kopieer het nu, het wordt maar één keer getoond.`,
  noSecretYet: (what: string) => `Er is nog geen ${what}.`,
  generateOne: "Genereer er een onder Verbindingsgegevens",
  shownOnce: "; het wordt één keer getoond, direct daarna.",
  fromFile: (what: string) => `Het ${what} staat in config.toml: gebruik de waarde daaruit.`,
  generatedOn: (what: string) => `Er is een ${what} gegenereerd op`,
  onlyHash: ". De gateway bewaart alleen de hash: heb je het niet meer,",
  generateNew: "genereer dan een nieuw onder Verbindingsgegevens",
  oldStops: " (het oude werkt meteen niet meer).",
  noImport: "Nog geen import door Okta gezien.",
  lastImport: "Okta's laatste import:",
  inProgress: " (bezig)",
};
