/** The Youforce simulator's public surface: a generated tenant, edits between reads, and the HTTP server. */
export { ENDPOINTS, OPEN, endpointOf, type Endpoint, type SimRecord, type YouforceDataset } from "./dataset.js";
export {
  generateYouforceDataset,
  personCodeOf,
  personIdOf,
  SIM_TENANT_ID,
  youforceRole,
  type YouforceGeneratorOptions,
  type YouforceRole,
} from "./generator.js";
export { changePerson, moveToCompany, newPersonVersion, touch } from "./mutations.js";
export { YouforceFaults, type YouforceFault, type YouforceFaultRule } from "./faults.js";
export {
  SIM_CLIENT_ID,
  SIM_CLIENT_SECRET,
  startYouforceSimulator,
  type SeenRequest,
  type YouforceSimulator,
  type YouforceSimulatorOptions,
} from "./youforce-simulator.js";
