/**
 * Logs objects holding every secret field name (see secret-log-cases.ts) at every depth, in arrays and in child
 * bindings, through the gateway's own logger into stdout and the console's log store:
 *   node --import tsx test/support/log-secrets-child.ts <db path>
 */
import { openDatabase } from "../../src/db/open.js";
import { createLogger } from "../../src/logging/logger.js";
import { LogStore } from "../../src/logging/log-store.js";
import { secretLogCases } from "./secret-log-cases.js";

const db = openDatabase(process.argv[2]!);
const store = new LogStore(db.sqlite);
const logger = createLogger({ level: "trace", also: { stream: store.stream, level: "trace" } });
for (const { name, value } of secretLogCases()) {
  const field = { [name]: value };
  logger.info(field, "top level");
  logger.debug({ connector: { id: "acme", nmbrs: field } }, "two levels deep");
  logger.warn({ a: { b: { c: { d: field } } } }, "four levels deep");
  logger.error({ items: [field, { inner: [field] }] }, "in arrays");
  logger.child(field).info("child bindings");
  logger
    .child({ source: { settings: field } })
    .child({ again: field })
    .trace({ call: field }, "nested child bindings");
}
logger.info("done");
logger.flush();
store.flush();
db.close();
