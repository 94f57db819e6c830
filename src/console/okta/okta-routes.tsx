import { Hono, type Context } from "hono";
import type { ConnectorRecord } from "../../connectors/registry.js";
import { SCIM_MOUNT_PATH } from "../../scim/scim-env.js";
import { auditAdminAction } from "../audit/audit-log.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import type { ScimCredentialInfo, ScimScheme } from "../scim-console.js";
import { DataTable, Facts, Notice, Time } from "../views/components.js";
import { CsrfField, renderPage } from "../views/layout.js";
import { problemPage } from "../views/problem-page.js";
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
    if (!record) return problemPage(c, 404, "No such connector", "This connector does not exist.");
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
    if (!record) return problemPage(c, 404, "No such connector", "This connector does not exist.");
    if (record.origin === "file") {
      return problemPage(
        c,
        403,
        "Declared in config.toml",
        "This connector's SCIM credentials are set in config.toml; change them there.",
      );
    }
    const body = await c.req.parseBody();
    const scheme: ScimScheme = body.scheme === "bearer" ? "bearer" : "basic";
    const username = scheme === "basic" ? String(body.username ?? "").trim() || defaultUsername(record) : null;
    if (username !== null && !/^[\w.@-]{1,64}$/.test(username)) {
      return problemPage(
        c,
        422,
        "Invalid user name",
        "Use 1 to 64 letters, digits and . _ @ - for the SCIM user name.",
      );
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
  const what = scheme === "basic" ? `the SCIM password of ${username}` : "the SCIM bearer token";
  return renderPage(c, {
    title: `Rotate ${what}?`,
    section: "connectors",
    breadcrumb: [
      { href: "/connectors", label: "Connectors" },
      { href: `/connectors/${id}/okta`, label: `${id}: Okta setup` },
    ],
    children: (
      <section class="card narrow">
        <Notice tone="warn" title="Okta's imports fail until you paste the new secret into Okta">
          <p>A new secret replaces these at once; they stop working the moment you confirm:</p>
          <CredentialList credentials={live} />
        </Notice>
        <form method="post" action={`/connectors/${id}/okta/credentials`} class="form-actions">
          <CsrfField token={c.get("csrfToken")} />
          <input type="hidden" name="scheme" value={scheme} />
          {username !== null ? <input type="hidden" name="username" value={username} /> : null}
          <input type="hidden" name="confirm" value="rotate" />
          <button type="submit" class="button button-danger">
            Yes, rotate and revoke the current {live.length === 1 ? "credential" : "credentials"}
          </button>
          <a class="button button-quiet" href={`/connectors/${id}/okta`}>
            Cancel
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
  return renderPage(c, {
    title: `Okta setup: ${record.settings.name}`,
    section: "connectors",
    breadcrumb: [
      { href: "/connectors", label: "Connectors" },
      { href: `/connectors/${id}`, label: id },
    ],
    children: (
      <>
        {created ? <SecretOnce created={created} /> : null}
        {shown === "gone" ? (
          <Notice tone="info" role="status">
            <p>
              The new secret was shown once and is no longer available here; the gateway keeps only a hash. If it did
              not reach Okta, generate another.
            </p>
          </Notice>
        ) : null}
        {unreachable ? <UnreachableBaseUrl baseUrl={baseUrl} problem={unreachable} /> : null}
        <section class="card" id="credentials">
          <h2>Connection values</h2>
          <Facts
            items={[
              ["Base URL", <CopyValue id="base-url" value={baseUrl} label="Base URL" />],
              ["SCIM user name", <CopyValue id="scim-user-name" value={username} label="SCIM user name" />],
              ["Credentials", <CredentialList credentials={credentials} />],
            ]}
          />
          {record.origin === "file" ? (
            <Notice tone="info">The SCIM credentials of this connector are declared in config.toml.</Notice>
          ) : (
            <div class="rotate">
              <form method="post" action={`/connectors/${id}/okta/credentials`} class="inline-form">
                <CsrfField token={c.get("csrfToken")} />
                <input type="hidden" name="scheme" value="basic" />
                <label for="scim-username">User name</label>
                <input id="scim-username" name="username" value={username} autocomplete="off" />
                <button type="submit" class="button button-primary">
                  {basic ? "Rotate password" : "Generate password"}
                </button>
              </form>
              <form method="post" action={`/connectors/${id}/okta/credentials`} class="inline-form">
                <CsrfField token={c.get("csrfToken")} />
                <input type="hidden" name="scheme" value="bearer" />
                <button type="submit" class="button">
                  {credentials.some((credential) => credential.scheme === "bearer")
                    ? "Rotate bearer token"
                    : "Generate bearer token instead"}
                </button>
              </form>
              <p class="hint">Generating a new secret revokes the previous one at once: update Okta straight after.</p>
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
          <h2>Profile Editor attributes</h2>
          <p>
            Add each attribute in Profile Editor → {record.settings.name} User → Add Attribute, with these values. These
            are the attributes this connector serves with its current settings.
          </p>
          <DataTable
            label="Attributes to add in Okta"
            columns={["Variable name", "External name", "External namespace", "Type", "What it holds"]}
          >
            {attributes.served.map((attribute) => (
              <tr>
                <td>
                  <CopyValue
                    id={`attr-${attribute.variableName}-variable`}
                    value={attribute.variableName}
                    label={`variable name ${attribute.variableName}`}
                  />
                </td>
                <td>
                  <CopyValue
                    id={`attr-${attribute.variableName}-external`}
                    value={attribute.externalName}
                    label={`external name of ${attribute.variableName}`}
                  />
                </td>
                <td class="cell-wrap">
                  <CopyValue
                    id={`attr-${attribute.variableName}-namespace`}
                    value={attribute.externalNamespace}
                    label={`external namespace of ${attribute.variableName}`}
                  />
                </td>
                <td>{attribute.type}</td>
                <td class="cell-wrap">{attribute.description}</td>
              </tr>
            ))}
          </DataTable>
          {attributes.notServed.length > 0 ? (
            <p class="hint" id="attributes-not-served">
              Not served by this connector, so not listed:{" "}
              {attributes.notServed.map(({ attribute, setting }, index) => (
                <>
                  {index > 0 ? "; " : ""}
                  <code>{attribute.variableName}</code> (needs {setting})
                </>
              ))}
              .
            </p>
          ) : null}
          <details>
            <summary>Attributes Okta's SCIM template already has (namespace {CORE_NAMESPACE})</summary>
            <DataTable
              label="Core attributes"
              columns={["Variable name", "External name", "From HR"]}
              class="table-compact"
            >
              {CORE_ATTRIBUTES.map((attribute) => (
                <tr>
                  <td>
                    <code>{attribute.variableName}</code>
                  </td>
                  <td>
                    <code>{attribute.externalName}</code>
                  </td>
                  <td>{attribute.source}</td>
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
  return (
    <Notice tone="warn" role="status" title="Okta cannot reach this Base URL">
      <p>
        <code>{props.baseUrl}</code>: {props.problem}. Okta connects from the internet and requires https on a public
        address, so "Test Connector Configuration" would fail.
      </p>
      <p>
        Put a reverse proxy with a TLS certificate in front of the gateway and set <code>public_url</code> in the{" "}
        <code>[server]</code> section of config.toml to its https address (for example{" "}
        <code>https://hr-gateway.example.com</code>), then restart: the Base URL is built from it. docs/reverse-proxy.md
        shows the proxy set-up.
      </p>
    </Notice>
  );
}

function CredentialList(props: { credentials: readonly ScimCredentialInfo[] }) {
  if (props.credentials.length === 0)
    return <span class="muted">none yet: Okta cannot connect until you generate one</span>;
  return (
    <ul class="plain-list">
      {props.credentials.map((credential) => (
        <li>
          {credential.scheme === "basic" ? `Password for ${credential.username ?? "?"}` : "Bearer token"} set on{" "}
          <Time at={credential.createdAt} />
          {credential.origin === "file" ? " (config.toml)" : ""}
          {credential.lastUsedAt ? (
            <>
              {" "}
              · last used <Time at={credential.lastUsedAt} />
            </>
          ) : (
            " · not used yet"
          )}
        </li>
      ))}
    </ul>
  );
}

/** The new secret, once: after this page it exists only as a hash. */
function SecretOnce(props: { created: NewSecret }) {
  const { created } = props;
  return (
    <Notice tone="warn" role="status" title={created.scheme === "basic" ? "New SCIM password" : "New bearer token"}>
      <p>Copy it now and paste it into Okta. It is shown only this once; the gateway keeps only a hash.</p>
      <div class="copyable">
        <input
          id="new-secret"
          class="secret-value"
          readonly
          value={created.secret}
          aria-label="New secret"
          autocomplete="off"
          spellcheck={false}
        />
        <button type="button" class="button button-small" data-copy="#new-secret">
          Copy
        </button>
      </div>
      <p class="hint">Previous credentials of this connector no longer work.</p>
    </Notice>
  );
}
