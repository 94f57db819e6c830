import { Hono, type Context } from "hono";
import type { ConnectorRecord } from "../../connectors/registry.js";
import { SCIM_MOUNT_PATH } from "../../scim/scim-env.js";
import { auditAdminAction } from "../audit/audit-log.js";
import type { ConsoleDeps, ConsoleEnv } from "../deps.js";
import type { ScimCredentialInfo, ScimScheme } from "../scim-console.js";
import { DataTable, Facts, Notice, Time } from "../views/components.js";
import { CsrfField, renderPage } from "../views/layout.js";
import { problemPage } from "../views/problem-page.js";
import { IssuedSecrets } from "./issued-secrets.js";
import { CORE_ATTRIBUTES, CORE_NAMESPACE, PROFILE_ATTRIBUTES } from "./profile-attributes.js";

interface NewSecret {
  readonly connectorId: string;
  readonly scheme: ScimScheme;
  readonly username: string | null;
  readonly secret: string;
}

/** Okta setup of one connector: SCIM Base URL, credentials (shown once), the steps in Okta, Profile Editor attributes. */
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

  app.post("/:id/okta/credentials", async (c) => {
    const record = deps.registry.get(c.req.param("id"));
    if (!record) return problemPage(c, 404, "No such connector", "This connector does not exist.");
    if (record.origin === "file") {
      return problemPage(c, 403, "Declared in config.toml", "This connector's SCIM credentials are set in config.toml; change them there.");
    }
    const body = await c.req.parseBody();
    const scheme: ScimScheme = body.scheme === "bearer" ? "bearer" : "basic";
    const username = scheme === "basic" ? String(body.username ?? "").trim() || defaultUsername(record) : null;
    if (username !== null && !/^[\w.@-]{1,64}$/.test(username)) {
      return problemPage(c, 422, "Invalid user name", "Use 1 to 64 letters, digits and . _ @ - for the SCIM user name.");
    }
    const live = deps.scim.credentials(record.settings.id);
    if (live.length > 0 && body.confirm !== "rotate") return confirmRotation(c, record, scheme, username, live);
    const secret = await deps.scim.rotate(record.settings.id, scheme, username);
    auditAdminAction(c, deps, "scim_secret_rotate", { connectorId: record.settings.id, detail: scheme === "basic" ? `password for ${username}` : "bearer token" });
    deps.logger.info({ connector: record.settings.id, scheme }, "console: SCIM credential issued; previous ones revoked");
    const ticket = issued.put(c.get("sessionIdHash") ?? "", { connectorId: record.settings.id, scheme, username, secret });
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
function confirmRotation(c: Context<ConsoleEnv>, record: ConnectorRecord, scheme: ScimScheme, username: string | null, live: readonly ScimCredentialInfo[]) {
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

/** `shown`: the secret just issued (shown once), "gone" when its page is opened again, null otherwise. */
function oktaPage(c: Context<ConsoleEnv>, deps: ConsoleDeps, record: ConnectorRecord, shown: NewSecret | "gone" | null) {
  const created = shown === "gone" ? null : shown;
  const id = record.settings.id;
  const publicUrl = typeof deps.publicUrl === "function" ? deps.publicUrl() : deps.publicUrl;
  const baseUrl = `${publicUrl.replace(/\/+$/, "")}${SCIM_MOUNT_PATH}/${id}`;
  const credentials = deps.scim.credentials(id);
  const basic = credentials.find((credential) => credential.scheme === "basic");
  const username = created?.username ?? basic?.username ?? defaultUsername(record);
  const mode = created?.scheme ?? (credentials.some((credential) => credential.scheme === "bearer") && !basic ? "bearer" : "basic");
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
            <p>The new secret was shown once and is no longer available here; the gateway keeps only a hash. If it did not reach Okta, generate another.</p>
          </Notice>
        ) : null}
        <section class="card">
          <h2>Connection values</h2>
          <Facts
            items={[
              [
                "Base URL",
                <span class="copyable">
                  <code id="base-url">{baseUrl}</code>
                  <button type="button" class="button button-small" data-copy="#base-url">
                    Copy
                  </button>
                </span>,
              ],
              ["SCIM user name", <code>{username}</code>],
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
                  {credentials.some((credential) => credential.scheme === "bearer") ? "Rotate bearer token" : "Generate bearer token instead"}
                </button>
              </form>
              <p class="hint">Generating a new secret revokes the previous one at once: update Okta straight after.</p>
            </div>
          )}
        </section>
        <section class="card">
          <h2>Steps in Okta</h2>
          <ol class="steps">
            <li>
              In the Okta Admin Console, open <strong>Applications</strong> and the app for this connector (a SCIM 2.0 app
              integration). On the <strong>General</strong> tab select "Do not display application icon to users" and "Do not
              display application icon in the Okta Mobile app".
            </li>
            <li>
              On the <strong>Provisioning</strong> tab choose <strong>Enable API integration</strong> (or Integration →
              Edit) and enter the Base URL <code>{baseUrl}</code>. Unique identifier field for users: <code>userName</code>.
              Allowed actions: import new users and profile updates, and import groups.
            </li>
            <li>
              {mode === "bearer" ? (
                <>
                  Authentication mode <strong>HTTP Header</strong>: paste the bearer token generated above as the
                  Authorization value.
                </>
              ) : (
                <>
                  Authentication mode <strong>Basic Auth</strong>: user name <code>{username}</code> and the password
                  generated above.
                </>
              )}
            </li>
            <li>
              Click <strong>Test API Credentials</strong> (or Test Connector Configuration), then <strong>Save</strong>.
            </li>
            <li>
              Under <strong>Provisioning → To Okta</strong>: Okta username format <strong>Email (default)</strong>; under
              <strong> Profile &amp; Lifecycle Mastering</strong> enable "Allow {record.settings.name} to master Okta users"
              (choose Deactivate or Suspend for users deactivated in the app).
            </li>
            <li>
              In <strong>Directory → Profile Editor</strong> add the attributes below to the app's user profile, then map
              them under "{record.settings.name} to Okta User".
            </li>
            <li>
              First run: on the <strong>Import</strong> tab click <strong>Import Now</strong> and compare the result with the{" "}
              <a href={`/hr?connector=${id}`}>HR list</a>. The dashboard shows when Okta last imported.
            </li>
          </ol>
        </section>
        <section class="card">
          <h2>Profile Editor attributes</h2>
          <p>Add each attribute in Profile Editor → (this app) → Add Attribute, with these values:</p>
          <DataTable label="Attributes to add in Okta" columns={["Variable name", "External name", "External namespace", "Type", "What it holds"]}>
            {PROFILE_ATTRIBUTES.map((attribute) => (
              <tr>
                <td>
                  <code>{attribute.variableName}</code>
                </td>
                <td>
                  <code>{attribute.externalName}</code>
                </td>
                <td class="cell-wrap">
                  <code>{attribute.externalNamespace}</code>
                </td>
                <td>{attribute.type}</td>
                <td class="cell-wrap">{attribute.description}</td>
              </tr>
            ))}
          </DataTable>
          <details>
            <summary>Attributes Okta's SCIM template already has (namespace {CORE_NAMESPACE})</summary>
            <DataTable label="Core attributes" columns={["Variable name", "External name", "From HR"]} class="table-compact">
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

function CredentialList(props: { credentials: readonly ScimCredentialInfo[] }) {
  if (props.credentials.length === 0) return <span class="muted">none yet: Okta cannot connect until you generate one</span>;
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
        <input id="new-secret" class="secret-value" readonly value={created.secret} aria-label="New secret" autocomplete="off" spellcheck={false} />
        <button type="button" class="button button-small" data-copy="#new-secret">
          Copy
        </button>
      </div>
      <p class="hint">Previous credentials of this connector no longer work.</p>
    </Notice>
  );
}
