import type { Status, StatusDetails } from '../cluster/apiserver/errors.ts';

/**
 * A failure reported by the Kubernetes API: the server's Status object when it sent one, otherwise a
 * Status synthesised from the HTTP code (as client-go does for proxies and non-Kubernetes servers).
 */
export class KubeApiError extends Error {
  override readonly name = 'KubeApiError';

  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly status: Status,
  ) {
    super(message);
  }

  get details(): StatusDetails | undefined {
    return this.status.details;
  }

  /** The server's Retry-After hint, in seconds, if any. */
  get retryAfterSeconds(): number | undefined {
    return this.status.details?.retryAfterSeconds;
  }
}

const REASON_BY_CODE: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  410: 'Expired',
  413: 'RequestEntityTooLarge',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

function isStatus(value: unknown): value is Status {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v['kind'] === 'Status' && (typeof v['code'] === 'number' || typeof v['reason'] === 'string');
}

/** Builds the error for a Status object, e.g. a watch ERROR event. */
export function errorFromStatus(status: Status, httpCode?: number): KubeApiError {
  const code = typeof status.code === 'number' && status.code > 0 ? status.code : (httpCode ?? 500);
  const reason = status.reason || REASON_BY_CODE[code] || 'Unknown';
  const message = status.message || `the server reported ${reason} (${code})`;
  return new KubeApiError(code, reason, message, { ...status, code, reason, message });
}

/** Builds the error for a non-2xx HTTP response. */
export function errorFromResponse(
  httpCode: number,
  body: string,
  retryAfterHeader?: string,
): KubeApiError {
  let parsed: unknown;
  try {
    parsed = body ? JSON.parse(body) : undefined;
  } catch {
    parsed = undefined;
  }
  let err: KubeApiError;
  if (isStatus(parsed)) {
    err = errorFromStatus(parsed, httpCode);
  } else {
    const reason = REASON_BY_CODE[httpCode] ?? 'Unknown';
    const text = body.trim().slice(0, 500);
    const message = text
      ? `the server responded with ${httpCode} ${reason}: ${text}`
      : `the server responded with ${httpCode} ${reason}`;
    err = errorFromStatus({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: httpCode, reason, message }, httpCode);
  }
  const retryAfter = retryAfterHeader !== undefined ? Number(retryAfterHeader) : NaN;
  if (Number.isFinite(retryAfter) && err.status.details?.retryAfterSeconds === undefined) {
    err.status.details = { ...err.status.details, retryAfterSeconds: retryAfter };
  }
  return err;
}

const KNOWN_REASONS = new Set([...Object.values(REASON_BY_CODE), 'AlreadyExists', 'Gone', 'ServerTimeout']);

/** client-go's rule: the reason decides; the code decides only when the reason is not a known one. */
function has(err: unknown, code: number, reason: string): boolean {
  if (!(err instanceof KubeApiError)) return false;
  if (err.reason === reason) return true;
  return err.code === code && !KNOWN_REASONS.has(err.reason);
}

export const isKubeApiError = (err: unknown): err is KubeApiError => err instanceof KubeApiError;
export const isNotFound = (err: unknown): boolean => has(err, 404, 'NotFound');
export const isAlreadyExists = (err: unknown): boolean => has(err, 409, 'AlreadyExists');
/** 409 Conflict: a stale resourceVersion (not AlreadyExists, which also uses 409). */
export const isConflict = (err: unknown): boolean => has(err, 409, 'Conflict');
/** 410 Gone / Expired: the requested resourceVersion is too old; relist. */
export const isGone = (err: unknown): boolean =>
  err instanceof KubeApiError && (err.code === 410 || err.reason === 'Expired' || err.reason === 'Gone');
export const isInvalid = (err: unknown): boolean => has(err, 422, 'Invalid');
export const isForbidden = (err: unknown): boolean => has(err, 403, 'Forbidden');
export const isUnauthorized = (err: unknown): boolean => has(err, 401, 'Unauthorized');
export const isBadRequest = (err: unknown): boolean => has(err, 400, 'BadRequest');
export const isMethodNotAllowed = (err: unknown): boolean => has(err, 405, 'MethodNotAllowed');
export const isTooManyRequests = (err: unknown): boolean => has(err, 429, 'TooManyRequests');
export const isServerError = (err: unknown): boolean => err instanceof KubeApiError && err.code >= 500;
