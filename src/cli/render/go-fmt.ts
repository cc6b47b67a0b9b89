/** Go `fmt` verbs the list tables use: `%-Ns` / `%-Nd` pad on the right to N runes. */
export function padRight(value: string | number, width: number): string {
  const s = String(value);
  const n = [...s].length;
  return n >= width ? s : s + ' '.repeat(width - n);
}
