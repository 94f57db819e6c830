/** The Nmbrs simulator's public surface: a dataset generator, edits between simulated days, and the SOAP server. */
export type { PersonalInfoRecord, SimCompany, SimDataset, SimEmployee, SimManager } from "./dataset.js";
export { currentPersonalInfo, employeesOfCompany } from "./dataset.js";
export { addEmployee, endEmployment, findEmployee, rehire, removeCompanyEmployees, removeEmployee, setPersonalInfo, setWorkEmail, type NewEmployee } from "./dataset-mutations.js";
export { generateDataset, type GeneratorOptions } from "./generator.js";
export { FaultController, type FaultRule, type SimFault } from "./soap/fault-controller.js";
export { createSoapHandler, type SimCredentials, type SoapHandlerConfig } from "./soap/soap-handler.js";
export { startNmbrsSimulator, type NmbrsSimulator, type NmbrsSimulatorOptions } from "./soap/simulator.js";
