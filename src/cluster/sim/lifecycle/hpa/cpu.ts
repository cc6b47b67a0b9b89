/** CPU quantities in millicores: parse `250m`, `0.5`, `2`, `1k`; format the way resource.Quantity prints DecimalSI. */

const SUFFIX: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };

export function parseCpuMillis(q: string | number | undefined): number | undefined {
  if (q === undefined) return undefined;
  if (typeof q === 'number') return Number.isFinite(q) ? q * 1000 : undefined;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+))?([numkMGT]?)$/.exec(q.trim());
  if (!m) return undefined;
  const value = Number(m[1]) * 10 ** Number(m[2] ?? 0) * (SUFFIX[m[3] ?? ''] ?? 1);
  return Number.isFinite(value) ? Math.round(value * 1000 * 1e6) / 1e6 : undefined;
}

/** `1500m`, `2` (whole cores), `0` — millicores rounded up, as NewMilliQuantity(x, DecimalSI).String(). */
export function formatCpuMillis(millis: number): string {
  const m = Math.ceil(millis);
  if (m === 0) return '0';
  return m % 1000 === 0 ? String(m / 1000) : `${m}m`;
}
