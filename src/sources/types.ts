/**
 * The boundary every HR source maps into. Nothing downstream of a source (lifecycle, sync, SCIM, console) knows
 * which HR system or which API produced these values, so a source adapter is the only code that changes when a
 * customer moves from Nmbrs SOAP to Nmbrs REST, or a new HR system (AFAS, Loket, Personio…) is added.
 *
 * Dates are calendar dates as `YYYY-MM-DD` strings: HR systems record days, not instants, and the lifecycle rules
 * compare them against "today" in the connector's time zone.
 */

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** An employer (Nmbrs "company") the credentials can see. */
export interface HrCompany {
  /** The source's own id (SOAP: integer as a string, REST: GUID). Used only to call the source. */
  readonly id: string;
  /** The company number as the HR department knows it; the same in SOAP and REST, so it survives the API switch. */
  readonly number: string;
  readonly name: string;
}

/** One period in which the person works for the company: an employment or a contract (both count). */
export interface HrPeriod {
  readonly kind: "employment" | "contract";
  /** First working day. A period without a start date is ignored (it cannot make anyone active). */
  readonly start: IsoDate | null;
  /** Last working day, inclusive; null = open-ended. */
  readonly end: IsoDate | null;
}

/** A code + description pair (department, function, cost center). */
export interface HrCodedValue {
  readonly code: string | null;
  readonly name: string;
}

/** What the source says about a person's manager. Managers are not necessarily employees (Nmbrs returns contact data). */
export interface HrManagerRef {
  readonly email: string | null;
  readonly employeeNumber: string | null;
  readonly name: string | null;
}

/** One employee of one company, as the HR system describes them today (current record of every history). */
export interface HrPerson {
  /** Stable key of this person within the source (SOAP EmployeeId, REST employeeId GUID). */
  readonly sourceKey: string;
  readonly company: HrCompany;
  /** Per company, not unique across companies. */
  readonly employeeNumber: string;
  readonly displayName: string | null;
  readonly firstName: string | null;
  /** Roepnaam: the name people use; preferred for `name.givenName`. */
  readonly nickname: string | null;
  readonly initials: string | null;
  /** Dutch tussenvoegsel, e.g. "van der". */
  readonly prefix: string | null;
  readonly lastName: string | null;
  /** Used only to confirm identity when a connector switches between APIs; never served, never stored in clear. */
  readonly birthDate: IsoDate | null;
  readonly workEmail: string | null;
  readonly privateEmail: string | null;
  readonly workMobile: string | null;
  readonly privateMobile: string | null;
  /** Human-readable employee type (e.g. "Werknemer", "Stagiair"). */
  readonly employeeType: string | null;
  readonly department: HrCodedValue | null;
  readonly function: HrCodedValue | null;
  /** Only filled when the connector asked for cost centers. */
  readonly costCenter: HrCodedValue | null;
  /** Only filled when the connector asked for managers. */
  readonly manager: HrManagerRef | null;
  readonly periods: readonly HrPeriod[];
}

/** Progress a source reports while it reads, shown live in the console ("companies done, employees read"). */
export interface SourceProgress {
  readonly companiesDone: number;
  readonly companiesTotal: number;
  readonly employeesRead: number;
}

/** Counters a source keeps for the run record and the benchmarks. */
export interface SourceStats {
  calls: number;
  bytesReceived: number;
}

export interface FetchOptions {
  /** Today in the connector's time zone; some calls are period-based (cost centers per period and year). */
  readonly today: IsoDate;
  /** Fetch each employee's current manager (one extra call per employee on SOAP). */
  readonly managers: boolean;
  /** Fetch cost centers (needed only when cost-center groups are on). */
  readonly costCenters: boolean;
  readonly signal?: AbortSignal;
  /** Asks the source to hash the company's raw answers (optional: a source without it is compared by its records). */
  readonly rawAnswers?: RawAnswersHook;
}

/**
 * How a source lets a run skip parsing a company whose answers did not change (sync/unchanged/, docs/decisions.md "A
 * run that finds nothing changed"). The source hashes every answer it reads for the company as received, before it
 * is decoded or parsed (sources/raw-digest.ts), together with what shapes their reading (the options, its reader's
 * version), into one digest that does not depend on the order the answers arrived in.
 */
export interface RawAnswersHook {
  /** The HMAC key of the digest: birth dates are in the bytes, so a plain hash would let a guess be tested. */
  readonly key: Buffer;
  /**
   * Present while the company may be skipped: asked with the digest once every answer is in, before any is parsed
   * (AFAS, which must parse its pages to page on: before anyone is placed). True means the last applied run read
   * exactly these answers: the source then returns no one, unparsed (AFAS: unplaced).
   */
  readonly unchanged?: (digest: string) => boolean;
  /** Told the digest of every answer the company's people were read from, once they are (what an apply stores). */
  readonly read: (digest: string) => void;
}

/**
 * An HR system behind one small interface. Reading happens per company so that a run never holds more than one
 * company's raw responses at once, and so that a failure can name the company it happened in.
 */
export interface HrSource {
  /** The companies these credentials can see (before any configured selection is applied). */
  listCompanies(signal?: AbortSignal): Promise<HrCompany[]>;
  /** Every employee of one company, complete, or a thrown {@link SourceError}. Never a partial list. */
  fetchCompany(company: HrCompany, options: FetchOptions): Promise<HrPerson[]>;
  /**
   * The console's connection test, where a source checks more than listCompanies does (Loket: one page of employees
   * of each employer served, and an unseen configured employer is an error); listCompanies when absent.
   */
  testConnection?(signal?: AbortSignal): Promise<HrCompany[]>;
  /** Calls made and bytes received since this source was created. */
  readonly stats: SourceStats;
}

/**
 * The one error type at the source boundary. `message` is written for the admin (what to check), never contains
 * a secret, and names the company when the failure is company-specific.
 */
export class SourceError extends Error {
  override readonly name = "SourceError";
  constructor(
    message: string,
    readonly details: {
      /** Source-specific code, e.g. the Nmbrs fault code "1001" or an HTTP status. */
      readonly code?: string;
      /** The call that failed, e.g. "EmployeeService.List_GetByCompany". */
      readonly operation?: string;
      /** Company number the failure belongs to, when it is company-specific. */
      readonly company?: string;
      /** Worth retrying later without changing anything (network, 5xx, throttling). */
      readonly transient?: boolean;
      /** The admin must act (credentials, consent, API template) before a retry can succeed. */
      readonly needsAttention?: boolean;
    } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
