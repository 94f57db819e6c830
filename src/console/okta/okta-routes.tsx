import { Hono, type Context } from "hono";
import type { ConnectorRecord } from "../../connectors/registry.js";
import { SCIM_MOUNT_PATH } from "../../scim/scim-env.js";
import { auditAdminAction } from "../audit/audit-log.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import type { ScimCredentialInfo, ScimScheme } from "../scim-console.js";
import { DataTable, Facts, Notice, Time } from "../views/components.js";
import { CsrfField, renderPage } from "../views/layout.js";
import { problemPage } from "../views/problem-page.js";
import { MESSAGES } from "../i18n/messages.js";
import { requestMessages, useMessages } from "../i18n/use-language.js";
import { baseUrlProblem } from "./base-url-check.js";
import { servedValues } from "../../directory/served-values.js";
import { CopyValue } from "./copy-value.js";
import { groupRules, RULE_ATTRIBUTE, type GroupRule } from "./group-rules.js";
import { GroupRulesSection } from "./group-rules-view.js";
import { IssuedSecrets } from "./issued-secrets.js";
import { OktaSteps } from "./okta-steps.js";
import { CORE_ATTRIBUTES, CORE_NAMESPACE, profileAttributesOf } from "./profile-attributes.js";

interface NewSecret {
  readonly connectorId: string;
  readonly scheme: ScimScheme;
  readonly username: string | null;
  readonly secret: string;
}

/**
 * Okta setup of one connector: SCIM Base URL (with a warning when Okta could not reach it), credentials (shown once),
 * the steps in Okta, and the Profile Editor attributes this connector serves.
 */
export function oktaRoutes(deps: ConsoleDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const issued = new IssuedSecrets<NewSecret>(deps.clock);

  app.get("/:id/okta", (c) => {
    const record = deps.registry.get(c.req.param("id"));
    if (!record) return noSuchConnector(c);
    const ticket = c.req.query("issued");
    if (!ticket) return oktaPage(c, deps, record, null);
    const created = issued.take(c.get("sessionIdHash") ?? "", ticket);
    return oktaPage(c, deps, record, created?.connectorId === record.settings.id ? created : "gone");
  });

  app.get("/:id/okta/group-rules.json", (c) => {
    const record = deps.registry.get(c.req.param("id"));
    if (!record) return problemPage(c, 404, "No such connector", "This connector does not exist.");
    c.header("content-disposition", `attachment; filename="${record.settings.id}-okta-group-rules.json"`);
    c.header("cache-control", "no-store");
    return c.json({ connector: record.settings.id, rules: rulesOf(deps, record) });
  });

  app.post("/:id/okta/credentials", async (c) => {
    const record = deps.registry.get(c.req.param("id"));
    if (!record) return noSuchConnector(c);
    const t = requestMessages(c).oktaPage;
    if (record.origin === "file") return problemPage(c, 403, t.declaredTitle, t.declaredText);
    const body = await c.req.parseBody();
    const scheme: ScimScheme = body.scheme === "bearer" ? "bearer" : "basic";
    const username = scheme === "basic" ? String(body.username ?? "").trim() || defaultUsername(record) : null;
    if (username !== null && !/^[\w.@-]{1,64}$/.test(username)) {
      return problemPage(c, 422, t.invalidUserNameTitle, t.invalidUserNameText);
    }
    const live = deps.scim.credentials(record.settings.id);
    if (live.length > 0 && body.confirm !== "rotate") return confirmRotation(c, record, scheme, username, live);
    const secret = await deps.scim.rotate(record.settings.id, scheme, username);
    auditAdminAction(c, deps, "scim_secret_rotate", {
      connectorId: record.settings.id,
      detail: scheme === "basic" ? `password for ${username}` : "bearer token",
    });
    deps.logger.info(
      { connector: record.settings.id, scheme },
      "console: SCIM credential issued; previous ones revoked",
    );
    const ticket = issued.put(c.get("sessionIdHash") ?? "", {
      connectorId: record.settings.id,
      scheme,
      username,
      secret,
    });
    return c.redirect(`/connectors/${record.settings.id}/okta?issued=${ticket}`, 303);
  });

  return app;
}

function defaultUsername(record: ConnectorRecord): string {
  return `okta-${record.settings.id}`;
}

/**
 * Asked before a credential Okta may be using is replaced: the rotation revokes it at once, and Okta's imports fail
 * until the new secret is pasted there.
 */
function confirmRotation(
  c: Context<ConsoleEnv>,
  record: ConnectorRecord,
  scheme: ScimScheme,
  username: string | null,
  live: readonly ScimCredentialInfo[],
) {
  const id = record.settings.id;
  const messages = requestMessages(c);
  const t = messages.oktaPage;
  return renderPage(c, {
    title: t.rotateTitle(scheme === "basic", username),
    section: "connectors",
    breadcrumb: [
      { href: "/connectors", label: messages.connectors.title },
      { href: `/connectors/${id}/okta`, label: t.crumb(id) },
    ],
    children: (
      <section class="card narrow">
        <Notice tone="warn" title={t.rotateWarnTitle}>
          <p>{t.rotateWarnText}</p>
          <CredentialList credentials={live} />
        </Notice>
        <form method="post" action={`/connectors/${id}/okta/credentials`} class="form-actions">
          <CsrfField token={c.get("csrfToken")} />
          <input type="hidden" name="scheme" value={scheme} />
          {username !== null ? <input type="hidden" name="username" value={username} /> : null}
          <input type="hidden" name="confirm" value="rotate" />
          <button type="submit" class="button button-danger">
            {t.rotateConfirm(live.length)}
          </button>
          <a class="button button-quiet" href={`/connectors/${id}/okta`}>
            {t.cancel}
          </a>
        </form>
      </section>
    ),
  });
}

/** The Okta group rules for every group kind the connector serves, from the users it serves now. */
function rulesOf(deps: ConsoleDeps, record: ConnectorRecord): GroupRule[] {
  const { kinds } = record.settings.groups;
  return kinds.flatMap((kind) =>
    groupRules(kind, servedValues(deps.db.sqlite, record.settings.id, RULE_ATTRIBUTE[kind]), record.settings.groups),
  );
}

/** `shown`: the secret just issued (shown once), "gone" when its page is opened again, null otherwise. */
function oktaPage(
  c: Context<ConsoleEnv>,
  deps: ConsoleDeps,
  record: ConnectorRecord,
  shown: NewSecret | "gone" | null,
) {
  const created = shown === "gone" ? null : shown;
  const id = record.settings.id;
  const publicUrl = typeof deps.publicUrl === "function" ? deps.publicUrl() : deps.publicUrl;
  const baseUrl = `${publicUrl.replace(/\/+$/, "")}${SCIM_MOUNT_PATH}/${id}`;
  const credentials = deps.scim.credentials(id);
  const basic = credentials.find((credential) => credential.scheme === "basic");
  const username = created?.username ?? basic?.username ?? defaultUsername(record);
  const mode =
    created?.scheme ??
    (credentials.some((credential) => credential.scheme === "bearer") && !basic ? "bearer" : "basic");
  const unreachable = baseUrlProblem(baseUrl);
  const attributes = profileAttributesOf(record.settings);
  const messages = requestMessages(c);
  const t = messages.oktaPage;
  return renderPage(c, {
    title: t.title(record.settings.name),
    section: "connectors",
    breadcrumb: [
      { href: "/connectors", label: messages.connectors.title },
      { href: `/connectors/${id}`, label: id },
    ],
    children: (
      <>
        {created ? <SecretOnce created={created} /> : null}
        {shown === "gone" ? (
          <Notice tone="info" role="status">
            <p>{t.secretGone}</p>
          </Notice>
        ) : null}
        {unreachable ? <UnreachableBaseUrl baseUrl={baseUrl} problem={unreachable} /> : null}
        <section class="card" id="credentials">
          <h2>{t.connectionValues}</h2>
          <Facts
            items={[
              [t.baseUrl, <CopyValue id="base-url" value={baseUrl} label={t.baseUrl} />],
              [t.scimUserName, <CopyValue id="scim-user-name" value={username} label={t.scimUserName} />],
              [t.credentials, <CredentialList credentials={credentials} />],
            ]}
          />
          {record.origin === "file" ? (
            <Notice tone="info">{t.fileCredentials}</Notice>
          ) : (
            <div class="rotate">
              <form method="post" action={`/connectors/${id}/okta/credentials`} class="inline-form">
                <CsrfField token={c.get("csrfToken")} />
                <input type="hidden" name="scheme" value="basic" />
                <label for="scim-username">{t.userName}</label>
                <input id="scim-username" name="username" value={username} autocomplete="off" />
                <button type="submit" class="button button-primary">
                  {basic ? t.rotatePassword : t.generatePassword}
                </button>
              </form>
              <form method="post" action={`/connectors/${id}/okta/credentials`} class="inline-form">
                <CsrfField token={c.get("csrfToken")} />
                <input type="hidden" name="scheme" value="bearer" />
                <button type="submit" class="button">
                  {credentials.some((credential) => credential.scheme === "bearer") ? t.rotateBearer : t.generateBearer}
                </button>
              </form>
              <p class="hint">{t.rotateHint}</p>
            </div>
          )}
        </section>
        <OktaSteps
          record={record}
          baseUrl={baseUrl}
          username={username}
          mode={mode}
          credentials={credentials}
          secretShown={created !== null}
          lastImport={deps.scim.lastImport(id)}
          now={deps.clock()}
        />
        <GroupRulesSection connectorId={id} kinds={record.settings.groups.kinds} rules={rulesOf(deps, record)} />
        <section class="card" id="attributes">
          <h2>{t.attributesTitle}</h2>
          <p>{t.attributesText(record.settings.name)}</p>
          <DataTable label={t.attributesLabel} columns={Object.values(t.attributeColumns)}>
            {attributes.served.map((attribute) => (
              <tr>
                <td>
                  <CopyValue
                    id={`attr-${attribute.variableName}-variable`}
                    value={attribute.variableName}
                    label={t.variableNameOf(attribute.variableName)}
                  />
                </td>
                <td>
                  <CopyValue
                    id={`attr-${attribute.variableName}-external`}
                    value={attribute.externalName}
                    label={t.externalNameOf(attribute.variableName)}
                  />
                </td>
                <td class="cell-wrap">
                  <CopyValue
                    id={`attr-${attribute.variableName}-namespace`}
                    value={attribute.externalNamespace}
                    label={t.namespaceOf(attribute.variableName)}
                  />
                </td>
                <td>{attribute.type}</td>
                <td class="cell-wrap">{t.attributeDescription(attribute.variableName, attribute.description)}</td>
              </tr>
            ))}
          </DataTable>
          {attributes.notServed.length > 0 ? (
            <p class="hint" id="attributes-not-served">
              {t.notServed}{" "}
              {attributes.notServed.map(({ attribute, setting }, index) => (
                <>
                  {index > 0 ? "; " : ""}
                  <code>{attribute.variableName}</code>{" "}
                  {t.needs(translated(t.settings, MESSAGES.en.oktaPage.settings, setting))}
                </>
              ))}
              .
            </p>
          ) : null}
          <details>
            <summary>{t.coreSummary(CORE_NAMESPACE)}</summary>
            <DataTable label={t.coreLabel} columns={Object.values(t.coreColumns)} class="table-compact">
              {CORE_ATTRIBUTES.map((attribute) => (
                <tr>
                  <td>
                    <code>{attribute.variableName}</code>
                  </td>
                  <td>
                    <code>{attribute.externalName}</code>
                  </td>
                  <td>{translated(t.coreSources, MESSAGES.en.oktaPage.coreSources, attribute.source)}</td>
                </tr>
              ))}
            </DataTable>
          </details>
        </section>
      </>
    ),
  });
}

/** Okta calls the Base URL from its cloud over https: say so before the admin pastes an address Okta cannot reach. */
function UnreachableBaseUrl(props: { baseUrl: string; problem: string }) {
  const t = useMessages().t.oktaPage;
  return (
    <Notice tone="warn" role="status" title={t.unreachableTitle}>
      <p>
        <code>{props.baseUrl}</code>: {translated(t.unreachable, MESSAGES.en.oktaPage.unreachable, props.problem)}.{" "}
        {t.unreachableText}
      </p>
      <p>
        {t.proxyBefore} <code>public_url</code> {t.proxyIn} <code>[server]</code> {t.proxyAfter}{" "}
        <code>https://hr-gateway.example.com</code>
        {t.proxyEnd}
      </p>
    </Notice>
  );
}

/**
 * A phrase a module wrote in English (base-url-check.ts, profile-attributes.ts), in the page's language: found by
 * its English wording in the English catalogue, so those modules keep returning plain text their tests read.
 */
function translated<K extends string>(
  words: Readonly<Record<K, string>>,
  english: Readonly<Record<K, string>>,
  text: string,
): string {
  const key = (Object.keys(english) as K[]).find((name) => english[name] === text);
  return key ? words[key] : text;
}

function CredentialList(props: { credentials: readonly ScimCredentialInfo[] }) {
  const t = useMessages().t.oktaPage;
  if (props.credentials.length === 0) return <span class="muted">{t.noCredentials}</span>;
  return (
    <ul class="plain-list">
      {props.credentials.map((credential) => (
        <li>
          {credential.scheme === "basic" ? t.passwordFor(credential.username ?? "?") : t.bearerToken} {t.setOn}{" "}
          <Time at={credential.createdAt} />
          {credential.origin === "file" ? " (config.toml)" : ""}
          {credential.lastUsedAt ? (
            <>
              {" "}
              · {t.lastUsed} <Time at={credential.lastUsedAt} />
            </>
          ) : (
            t.notUsedYet
          )}
        </li>
      ))}
    </ul>
  );
}

/** The new secret, once: after this page it exists only as a hash. */
function SecretOnce(props: { created: NewSecret }) {
  const { created } = props;
  const t = useMessages().t.oktaPage;
  return (
    <Notice tone="warn" role="status" title={created.scheme === "basic" ? t.newPassword : t.newBearer}>
      <p>{t.copyNow}</p>
      <div class="copyable">
        <input
          id="new-secret"
          class="secret-value"
          readonly
          value={created.secret}
          aria-label={t.newSecret}
          autocomplete="off"
          spellcheck={false}
        />
        <button type="button" class="button button-small" data-copy="#new-secret">
          {t.copy}
        </button>
      </div>
      <p class="hint">{t.previousGone}</p>
    </Notice>
  );
}

function noSuchConnector(c: Context<ConsoleEnv>) {
  const t = requestMessages(c).problems;
  return problemPage(c, 404, t.noConnectorTitle, t.noConnectorText);
}
