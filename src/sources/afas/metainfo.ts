import type { Logger } from "../../logging/logger.js";
import { SourceError } from "../types.js";
import { GET_CONNECTORS, requiredFields, type FieldNeeds, type GetConnectorId } from "./contract.js";
import { badResponse } from "./http/afas-errors.js";
import type { AfasClient } from "./http/afas-client.js";
import { missingFieldsMessage } from "./metainfo-diff.js";

/** The data types AFAS documents for GetConnector fields; any other is logged, not fatal (spec §2). */
const DOCUMENTED_TYPES = new Set(["string", "int"]);

/**
 * Checks, before any data is read, that the token may call the three GetConnectors and that each has the fields the
 * connector's settings need (spec §2 "Verification with metainfo"). Runs at every run and every connection test: an
 * admin who edits a GetConnector in Profit learns it from the next run, by name, instead of from people whose
 * department silently went empty. Throws one SourceError (`afas_fields`) naming everything missing.
 */
export async function checkMetainfo(
  client: AfasClient,
  needs: FieldNeeds,
  logger?: Logger,
  signal?: AbortSignal,
): Promise<void> {
  const listed = await client.get(
    "metainfo",
    { operation: "GET metainfo", connector: null },
    (json) => {
      const connectors = json.getConnectors;
      if (!Array.isArray(connectors))
        throw badResponse("no getConnectors list", { operation: "GET metainfo", connector: null });
      return new Set(connectors.map((item) => (item as { id?: unknown })?.id).filter((id) => typeof id === "string"));
    },
    signal,
  );
  const absent = GET_CONNECTORS.filter((id) => !listed.has(id));
  const found = new Map<GetConnectorId, readonly string[]>();
  for (const connector of GET_CONNECTORS) {
    if (absent.includes(connector)) continue;
    const operation = `GET metainfo/get/${connector}`;
    const fields = await client.get(
      `metainfo/get/${connector}`,
      { operation, connector },
      (json) => {
        if (!Array.isArray(json.fields)) throw badResponse("no fields list", { operation, connector });
        return json.fields as { id?: unknown; dataType?: unknown }[];
      },
      signal,
    );
    for (const field of fields) {
      if (typeof field?.dataType === "string" && !DOCUMENTED_TYPES.has(field.dataType))
        logger?.info({ connector, field: field.id, dataType: field.dataType }, "afas: undocumented field data type");
    }
    found.set(
      connector,
      fields.map((field) => field?.id).filter((id): id is string => typeof id === "string"),
    );
  }
  const problems = [
    ...absent.map((id) => `GetConnector ${id} is not in the App Connector`),
    missingFieldsMessage(
      requiredFields(needs).filter((field) => !absent.includes(field.connector)),
      found,
    ),
  ].filter((problem): problem is string => problem !== null);
  if (problems.length > 0) {
    throw new SourceError(`${problems.join("; ")}.`, {
      code: "afas_fields",
      operation: "GET metainfo",
      needsAttention: true,
    });
  }
}
