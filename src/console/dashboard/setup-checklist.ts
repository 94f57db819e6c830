import type { ConnectorRecord } from "../../connectors/registry.js";
import type { OktaImportSeen, ScimCredentialInfo } from "../scim-console.js";

/** One step; its label and hint are in the message catalogue (dashboard.setupSteps, by key). */
export interface SetupStep {
  readonly key: "source" | "credential" | "import";
  readonly done: boolean;
  /** Where to do it. */
  readonly href: string;
  /** The connector is declared in config.toml: the step is done there, not in the console (the hint says how). */
  readonly fromFile: boolean;
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
      done: facts.sourceTestedAt !== null || facts.syncSucceeded,
      href: fromFile ? `/connectors/${id}` : `/connectors/${id}/edit`,
      fromFile,
    },
    {
      key: "credential",
      done: facts.credentials.length > 0,
      href: `/connectors/${id}/okta#credentials`,
      fromFile,
    },
    {
      key: "import",
      done: facts.lastImport !== null,
      href: `/connectors/${id}/okta#step-import`,
      fromFile,
    },
  ];
}
