/** The one error class of the domain. Pages, actions, the API and the CLI all map it the same way. */
export type ErrorCode = 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'INVALID_TRANSITION' | 'VALIDATION' | 'UNAUTHENTICATED' | 'RATE_LIMITED';

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Message-catalogue key under `errors.*`; the English `message` is the fallback and the CLI's text. */
  readonly key?: string;
  readonly params?: Record<string, string | number>;
  readonly fieldErrors?: FieldErrors;

  constructor(
    code: ErrorCode,
    message: string,
    options: { key?: string; params?: Record<string, string | number>; fieldErrors?: FieldErrors; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.key = options.key;
    this.params = options.params;
    this.fieldErrors = options.fieldErrors;
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`, { key: 'notFound', params: { what } });

export const forbidden = () => new AppError('FORBIDDEN', 'You are not allowed to do this', { key: 'forbidden' });

export const invalidTransition = (what: string, from: string) =>
  new AppError('INVALID_TRANSITION', `${what} cannot change from status "${from}"`, {
    key: 'invalidTransition',
    params: { what, from },
  });

export const validation = (field: string, message: string) =>
  new AppError('VALIDATION', `${field}: ${message}`, { fieldErrors: { [field]: [message] } });

/**
 * A refusal worded by the catalogue key `errors.<key>` (English `message` for the CLI and logs), optionally
 * placed on a form field, where `validation.<key>` words it.
 */
export const refusal = (code: ErrorCode, key: string, message: string, field?: string) =>
  new AppError(code, message, { key, fieldErrors: field ? { [field]: [key] } : undefined });

/** HTTP status for an error code, for the JSON API. */
export function httpStatus(code: ErrorCode): number {
  switch (code) {
    case 'NOT_FOUND':
      return 404;
    case 'FORBIDDEN':
      return 403;
    case 'UNAUTHENTICATED':
      return 401;
    case 'CONFLICT':
    case 'INVALID_TRANSITION':
      return 409;
    case 'RATE_LIMITED':
      return 429;
    default:
      return 400;
  }
}

type PgLikeError = { code?: string; constraint?: string; constraint_name?: string; message?: string; cause?: unknown };

function findPgError(error: unknown): PgLikeError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const e = current as PgLikeError;
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
    current = e.cause;
  }
  return undefined;
}

/** Messages for the database's own rules, by constraint name. */
const constraintMessages: Record<string, string> = {
  leases_no_overlap: 'the premises are already leased for some of these days',
  leases_within_availability: 'the lease falls outside the premises availability',
  leases_within_residency: 'the lease falls outside the residency',
  leases_on_site_only: 'an extraterritorial resident cannot lease premises',
  leases_premises_park: 'the premises belong to another park',
  residencies_no_overlap: 'the company already holds a residency in this park for these days',
  residencies_period_order: 'the residency cannot end before it starts',
  leases_period_order: 'the lease cannot end before it starts',
  premises_area_positive: 'the area must be greater than zero',
  premises_availability_order: 'the premises cannot stop being available before they become available',
  premises_park_key: 'premises with this key already exist in the park',
  buildings_park_key: 'a building with this key already exists in the park',
  tax_incentives_validity_order: 'the incentive cannot end before it starts',
  tax_incentives_revocation: 'a revoked incentive needs its revocation date',
  kpi_reports_company_period: 'a report for this company and period already exists',
  kpi_capex_le_investment: 'capital investment cannot exceed the investment',
  plan_capex_le_investment: 'capital investment cannot exceed the investment',
  users_email_unique: 'a user with this e-mail already exists',
  council_meetings_park_number: 'a meeting with this number already exists',
  parks_slug_unique: 'a park with this slug already exists',
  leases_rates_both: 'the resident’s rate and the market rate go together: give both or neither',
  leases_rates_nonneg: 'a rent rate cannot be negative',
  services_park_key: 'a service with this key already exists in the park',
  services_resident_le_market: 'the resident’s price cannot be above the market price',
  services_prices_nonneg: 'a price cannot be negative',
  service_requests_park_key: 'a service request with this key already exists in the park',
  service_requests_done_on: 'a request has its delivery date exactly when it is done',
  service_requests_done_order: 'a request cannot be delivered before it was made',
  service_requests_done_prices: 'a delivered request needs both unit prices',
  service_requests_quantity_positive: 'the quantity must be greater than zero',
  service_requests_prices_nonneg: 'a price cannot be negative',
  service_requests_service_park: 'the service belongs to another park',
  service_requests_resident: 'the company holds no residency in the park on the request date',
};

/**
 * Turns a database refusal (unique, check, exclusion, foreign key) into an AppError with a clear message;
 * any other error is returned unchanged.
 */
export function fromDatabaseError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const pg = findPgError(error);
  if (!pg) return error;
  const constraint = pg.constraint ?? pg.constraint_name;
  const known = constraint ? constraintMessages[constraint] : undefined;
  switch (pg.code) {
    case '23505':
      return new AppError('CONFLICT', known ?? 'this record already exists', { key: constraint ? `db.${constraint}` : undefined, cause: error });
    case '23P01':
      return new AppError('CONFLICT', known ?? 'this overlaps an existing record', { key: constraint ? `db.${constraint}` : undefined, cause: error });
    case '23514':
    case '23502':
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
      return new AppError('VALIDATION', known ?? 'the value is not allowed', { key: constraint ? `db.${constraint}` : undefined, cause: error });
    case '22021': // a NUL byte, or bytes that are not UTF-8, in a text
    case '22P05':
      return new AppError('VALIDATION', 'the text contains a character that cannot be stored (a NUL or control byte)', { key: 'invalidCharacter', cause: error });
    case '22001':
      return new AppError('VALIDATION', 'the text is too long', { key: 'tooLong', cause: error });
    case '23503':
      return new AppError('NOT_FOUND', known ?? 'a referenced record does not exist', { cause: error });
    case '40001':
    case '40P01':
      return new AppError('CONFLICT', 'someone else changed this at the same time; try again', { key: 'concurrent', cause: error });
    default:
      return error;
  }
}
