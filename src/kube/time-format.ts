/** Kubernetes `Time`: RFC 3339 with second precision (`2024-01-02T03:04:05Z`). */
export function formatTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Kubernetes `MicroTime`: RFC 3339 with microseconds (`2024-01-02T03:04:05.123000Z`). */
export function formatMicroTime(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '000Z');
}

/** Milliseconds since the epoch of a Time/MicroTime string, or undefined. */
export function parseTime(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}
