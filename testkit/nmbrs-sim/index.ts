/** The Nmbrs simulator's public surface: a dataset generator, edits between simulated days, and the SOAP + REST server. */
export type {
  PersonalInfoRecord,
  SimCompany,
  SimContract,
  SimDataset,
  SimEmployee,
  SimEmployment,
  SimManager,
} from "./dataset.js";
export { currentPersonalInfo, employeesOfCompany } from "./dataset.js";
export {
  addEmployee,
  addEmployees,
  assignDepartment,
  assignFunction,
  endEmployment,
  findEmployee,
  rehire,
  removeCompanyEmployees,
  removeEmployee,
  setManager,
  setPersonalInfo,
  setWorkEmail,
  type CodedValue,
  type NewEmployee,
} from "./dataset-mutations.js";
export { generateDataset, type GeneratorOptions } from "./generator.js";
export { FaultController, type FaultRule, type SimFault } from "./soap/fault-controller.js";
export {
  createSoapHandler,
  type SimCredentials,
  type SimSettings,
  type SoapHandlerConfig,
} from "./soap/soap-handler.js";
export { startNmbrsSimulator, type NmbrsSimulator, type NmbrsSimulatorOptions } from "./soap/simulator.js";
export {
  SIM_REST_CLIENT,
  SIM_SUBSCRIPTION_KEY,
  type RestSimOptions,
  type RestSimulator,
} from "./rest/rest-simulator.js";
export type { RestFault } from "./rest/rest-handler.js";
