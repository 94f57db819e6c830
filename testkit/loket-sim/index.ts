/**
 * The Loket.nl simulator's public surface: a generated environment, edits between reads, and the REST API server.
 *
 * OAuth hook: the OAuth pages (/authorize consent page and /token) live in testkit/loket-sim/oauth/ (the consent
 * work) and are mounted with `startLoketSimulator({ extraRoutes })`: a handler tried before the API that answers a
 * request and returns true, or returns false to let the API answer. It receives the simulator's
 * {@link LoketSimTokens}; every token it issues there (`tokens.issue()`) the API accepts, and `tokens.revoke()`
 * makes the API answer 401 to it. Tests and the demo skip the consent page with `sim.tokens.issue()`.
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
export {
  startLoketSimulator,
  type ExtraRoutes,
  type LoketSimulator,
  type LoketSimulatorOptions,
  type SeenRequest,
} from "./loket-simulator.js";
