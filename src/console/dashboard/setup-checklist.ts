import type { ConnectorRecord } from "../../connectors/registry.js";
import type { OktaImportSeen, ScimCredentialInfo } from "../scim-console.js";

export interface SetupStep {
  readonly key: "source" | "credential" | "import";
  readonly label: string;
  readonly done: boolean;
  /** Where to do it. */
  readonly href: string;
  readonly hint: string;
}

export interface SetupFacts {
  readonly connector: ConnectorRecord;
  /** When "Test connection" last reached the source with success (connectors/source-tested.ts). */
  readonly sourceTestedAt: string | null;
  /** A sync has read the source successfully: proof of a working connection too, and the only one a config.toml connector can give. */
  readonly syncSucceeded: boolean;
  readonly credentials: readonly ScimCredentialInfo[];
  /** Okta's last import (only Okta's own client counts, scim/observe/client-kind.ts). */
  readonly lastImport: OktaImportSeen | null;
}

/**
 * The three things a connector needs before Okta gets its people, in order; the dashboard shows them until all are
 * done (README "Okta setup").
 */
export function setupSteps(facts: SetupFacts): SetupStep[] {
  const id = facts.connector.settings.id;
  const fromFile = facts.connector.origin === "file";
  return [
    {
      key: "source",
      label: "Source connection tested",
      done: facts.sourceTestedAt !== null || facts.syncSucceeded,
      href: fromFile ? `/connectors/${id}` : `/connectors/${id}/edit`,
      hint: fromFile ? "run Sync now: a successful sync proves the connection" : "use Test connection on the connector's form, or run a sync",
    },
    {
      key: "credential",
      label: "Okta credential generated",
      done: facts.credentials.length > 0,
      href: `/connectors/${id}/okta#credentials`,
      hint: fromFile ? "declare [connectors.scim] password_env or bearer_token_env in config.toml" : "generate a password or bearer token on the Okta setup page",
    },
    {
      key: "import",
      label: "First Okta import seen",
      done: facts.lastImport !== null,
      href: `/connectors/${id}/okta#step-import`,
      hint: "in Okta, Import → Import Now (requests from other clients do not count)",
    },
  ];
}
