/** Per-request options that shape a write, from the query string and headers. */
export interface WriteContext {
  fieldManager: string;
  dryRun: boolean;
  fieldValidation: 'Strict' | 'Warn' | 'Ignore';
  /** Warnings to return in `Warning:` headers. */
  warnings: string[];
}

export function writeContext(query: URLSearchParams, userAgent: string | undefined): WriteContext {
  const fv = query.get('fieldValidation');
  return {
    fieldManager: query.get('fieldManager') || managerFromUserAgent(userAgent),
    dryRun: query.getAll('dryRun').includes('All'),
    fieldValidation: fv === 'Strict' || fv === 'Ignore' ? fv : 'Warn',
    warnings: [],
  };
}

/** Kubernetes names an unnamed field manager after the client's user agent up to the first '/'. */
function managerFromUserAgent(ua: string | undefined): string {
  const prefix = (ua ?? 'unknown').split('/')[0]!.trim();
  return prefix.slice(0, 128) || 'unknown';
}
