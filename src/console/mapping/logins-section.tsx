import type { IdentityRules } from "../../lifecycle/identity.js";
import { useMessages } from "../i18n/use-language.js";
import { Facts } from "../views/components.js";

/** What the Logins section shows: the identity settings, and counts the stores answer cheaply. */
export interface LoginsFacts {
  readonly identity: IdentityRules;
  /** Logins ever generated for the connector. */
  readonly generatedCount: number;
  /** People excluded from the connector's syncs now. */
  readonly excludedCount: number;
}

/**
 * The Mapping page's read-only Logins section (docs/mapping.md, "The Mapping page"): where the Okta login comes from,
 * the generated-login settings, and a link to the people excluded from this connector. The settings themselves are
 * changed in config.toml or on the connector's form, not here.
 */
export function LoginsSection(props: { connectorId: string; logins: LoginsFacts }) {
  const m = useMessages().t.mapping.logins;
  const { identity } = props.logins;
  const generated = identity.userNameFrom.includes("generated") ? (identity.generated ?? null) : null;
  return (
    <section class="card" id="logins">
      <h2>{m.title}</h2>
      <Facts
        items={[
          [m.userNameFrom, <code>{identity.userNameFrom.join(", ")}</code>],
          ...(generated
            ? ([
                [m.generatedDomain, <code>{generated.domain}</code>],
                [m.generatedFormat, generated.format ? <code>{generated.format}</code> : m.builtInFormat],
                [m.generatedCount, String(props.logins.generatedCount)],
              ] as const)
            : ([[m.generatedDomain, m.notGenerated]] as const)),
        ]}
      />
      <p>
        <a href={`/hr/exclusions?connector=${encodeURIComponent(props.connectorId)}`}>
          {m.excluded(props.logins.excludedCount)}
        </a>
      </p>
    </section>
  );
}
