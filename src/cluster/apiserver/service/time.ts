/** Kubernetes timestamps are RFC 3339 with second precision: 2024-01-02T03:04:05Z. */
export function kubeTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
