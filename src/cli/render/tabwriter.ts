/**
 * Go's text/tabwriter (as juju/ansiterm uses it: widths ignore ANSI colour codes), for
 * `minwidth 0, padding N, padchar ' ', flags 0`: tab-terminated cells of adjacent lines form
 * columns padded to their widest cell plus `padding`; the text after a line's last tab is not a
 * column. A line without any tab ends the block (Go flushes there), so later lines align anew.
 */
import { stripAnsi } from './ansi.ts';

interface Cell {
  text: string;
  width: number;
}

/** Display width as Go's tabwriter counts it: runes, colour codes excluded. */
export function cellWidth(text: string): number {
  return [...stripAnsi(text)].length;
}

export function tabwrite(input: string, padding = 2): string {
  const rawLines = input.split('\n');
  const trailing = rawLines.pop() ?? '';
  let out = '';
  let block: Cell[][] = [];
  for (const raw of rawLines) {
    const cells = raw.split('\t').map((text) => ({ text, width: cellWidth(text) }));
    block.push(cells);
    if (cells.length === 1) {
      out += formatBlock(block, padding);
      block = [];
    }
  }
  out += formatBlock(block, padding);
  return out + trailing;
}

/** Formats complete lines (each followed by a newline). */
function formatBlock(lines: Cell[][], padding: number): string {
  let out = '';
  const widths: number[] = [];
  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i] ?? [];
      cells.forEach((c, j) => {
        out += c.text;
        const w = widths[j];
        if (w !== undefined) out += ' '.repeat(Math.max(0, w - c.width));
      });
      out += '\n';
    }
  };
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let row = line0; row < line1; row++) {
      if (column >= (lines[row]?.length ?? 0) - 1) continue;
      writeLines(line0, row);
      line0 = row;
      let width = 0;
      for (; row < line1; row++) {
        const cells = lines[row] ?? [];
        if (column >= cells.length - 1) break;
        const w = (cells[column]?.width ?? 0) + padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, row);
      widths.pop();
      line0 = row;
    }
    writeLines(line0, line1);
  };
  format(0, lines.length);
  return out;
}
