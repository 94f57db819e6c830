/**
 * REST gives an employee's type as a code (`payroll`, brynq's schema lists seven); SOAP gives the description of the
 * environment's type ("Loondienst"). `userType` and the employee-type groups carry the label, so REST serves the
 * Dutch label SOAP is taken to give for each code (docs/nmbrs-rest-api.md §3: the labels are INFERRED from Nmbrs'
 * Dutch interface; the English ones are listed there for environments set up in English). A code not listed here
 * is served as it comes, so a new type shows up rather than being dropped.
 */
const DUTCH_LABELS: Readonly<Record<string, string>> = {
  payroll: "Loondienst",
  newHire: "Nieuwe medewerker",
  external: "Extern",
  formerPayroll: "Oud-medewerker loondienst",
  formerExternal: "Oud-medewerker extern",
  applicant: "Sollicitant",
  rejectedApplicant: "Afgewezen sollicitant",
};

export function employeeTypeLabel(code: string): string {
  return Object.hasOwn(DUTCH_LABELS, code) ? DUTCH_LABELS[code]! : code;
}
