import type { ConnectorRecord } from "../../connectors/registry.js";
import { apiSwitchTarget } from "../../sync/api-switch/dry-run.js";
import { readSourceKeyKind } from "../../sync/people-store.js";
import type { ConsoleDeps } from "../deps.js";
import { ApiSwitchCard } from "./api-switch-view.js";
import { CALLBACK_PATH, NmbrsRestConnect, restConnectionOf } from "./rest-connection-view.js";

/**
 * The Nmbrs REST parts of a connector's pages, where they apply: "Connect to Nmbrs" (the connector page and the
 * REST fields of its form) and the API switch card (the connector page).
 */
export function nmbrsRestParts(deps: ConsoleDeps, record: ConnectorRecord, csrfToken: string) {
  const id = record.settings.id;
  const connection = restConnectionOf(deps.registry, record, deps.clock());
  const publicUrl = (typeof deps.publicUrl === "function" ? deps.publicUrl() : deps.publicUrl).replace(/\/+$/, "");
  const connect = connection ? (
    <NmbrsRestConnect
      connectorId={id}
      connection={connection}
      callbackUrl={`${publicUrl}${CALLBACK_PATH}`}
      canDisconnect={true}
    />
  ) : null;
  const config = deps.registry.resolve(id);
  const keyKind = readSourceKeyKind(deps.db.sqlite, id);
  const target = config ? apiSwitchTarget(config, keyKind) : null;
  const apiSwitch = target ? (
    <ApiSwitchCard
      record={record}
      target={target}
      keyKind={keyKind}
      csrfToken={csrfToken}
      restConnected={connection?.state === "connected" && !connection.reconsent}
    />
  ) : null;
  return { connection, connect, apiSwitch };
}
