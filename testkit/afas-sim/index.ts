/** The AFAS Profit simulator's public surface: a generated environment, edits between reads, and the REST server. */
export { afasDate, rowsOf, type AfasDataset, type SimRow } from "./dataset.js";
export { castRole, generateAfasDataset, type AfasGeneratorOptions, type CastRole } from "./generator.js";
export { endContracts, moveToEmployer, removeMedewerker, setEmployeeField } from "./mutations.js";
export { AfasFaults, type AfasFault, type AfasFaultRule } from "./faults.js";
export { SIM_GET_CONNECTORS } from "./getconnectors.js";
export {
  SIM_AFAS_TOKEN,
  startAfasSimulator,
  type AfasSimulator,
  type AfasSimulatorOptions,
  type SeenRequest,
} from "./afas-simulator.js";
