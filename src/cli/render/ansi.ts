/**
 * Argo's colouring of the tree view: well-known words and icons get an SGR colour; every other
 * colourised word is still wrapped in `ESC[0m…ESC[0m` (Argo does so to keep its tabwriter widths
 * consistent), and nothing is wrapped when colour is off.
 */
import { ICON } from './icons.ts';

export const SGR = { reset: 0, red: 31, green: 32, yellow: 33, hiBlue: 94 } as const;

const COLOR_BY_WORD: Readonly<Record<string, number>> = {
  [ICON.waiting]: SGR.yellow,
  [ICON.progressing]: SGR.hiBlue,
  [ICON.warning]: SGR.red,
  [ICON.unknown]: SGR.yellow,
  [ICON.ok]: SGR.green,
  [ICON.bad]: SGR.red,
  canary: SGR.yellow,
  stable: SGR.green,
  active: SGR.green,
  preview: SGR.hiBlue,
  ping: SGR.hiBlue,
  pong: SGR.hiBlue,
  Pending: SGR.hiBlue,
  Running: SGR.hiBlue,
};

export interface Colorizer {
  /** Colours `s` by its own meaning (icon, tag, phase). */
  word(s: string): string;
  /** Colours `s` as `meaning` would be coloured (a name coloured by its status). */
  as(s: string, meaning: string): string;
}

function sgr(s: string, code: number): string {
  return `\x1b[${code}m${s}\x1b[0m`;
}

export function colorizer(enabled: boolean): Colorizer {
  if (!enabled) return { word: (s) => s, as: (s) => s };
  return {
    word: (s) => sgr(s, COLOR_BY_WORD[s] ?? SGR.reset),
    as: (s, meaning) => sgr(s, COLOR_BY_WORD[meaning] ?? SGR.reset),
  };
}

// eslint-disable-next-line no-control-regex
const SGR_PATTERN = /\x1b\[[0-9;]*m/g;

export function stripAnsi(s: string): string {
  return s.replace(SGR_PATTERN, '');
}
