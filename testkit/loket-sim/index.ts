/**
 * The Loket.nl simulator's public surface: a generated environment, edits between reads, and the REST API server.
 *
 * One simulator, one port, both halves of Loket: `startLoketSimulator()` serves the REST API under /v2 (`apiUrl`)
 * and its OAuth part (testkit/loket-sim/oauth/: the /authorize login page with LOKET_SIM_USER, and /token) at
 * `oauthUrl`, so "Connect to Loket" works against it with the app LOKET_SIM_CLIENT (or the apps in `options.oauth`).
 * The API accepts the access tokens the OAuth part issued until `sim.oauth.controls.expireAccessTokens()` or
 * `revokeAll()`, and those of `sim.tokens.issue()`, which tests, the benchmark and the demo use to skip the consent
 * page (`sim.tokens.revoke()`/`revokeAll()` withdraw those).
 */
export {
  allEmployees,
  employerById,
  employmentsOf,
  type LoketDataset,
  type SimEmployer,
  type WireRecord,
} from "./dataset.js";
export {
  generateLoketDataset,
  loketRole,
  NAME_FORMATS,
  type LoketGeneratorOptions,
  type LoketRole,
} from "./generator.js";
export { endEmployments, removeEmployee, setEmployeeField } from "./mutations.js";
export { LoketFaults, type LoketEndpoint, type LoketFault, type LoketFaultRule } from "./faults.js";
export { LoketSimTokens } from "./tokens.js";
export { connectWithToken } from "./connect.js";
export { LOKET_SIM_CLIENT, LOKET_SIM_USER } from "./oauth/index.js";
export {
  startLoketSimulator,
  type LoketSimulator,
  type LoketSimulatorOptions,
  type SeenRequest,
} from "./loket-simulator.js";
