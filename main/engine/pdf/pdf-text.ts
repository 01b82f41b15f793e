// Turns pdf.js text items into reading-order lines. Official documents print the header in two
// columns (issuer left, national motto and place-date right) on the same baseline; columns are
// kept apart by a wide gap marker ("   ") so the recognizer can split them.

export interface PositionedText {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /**
   * A field inserted into a box (a signing system's number or day): the box's vertical span
   * [bottom, top]. The field joins the printed line whose baseline runs through its box, however
   * far its own baseline sits from that line's (the signing font is smaller, or lowered).
   */
  box?: [number, number];
}

export const COLUMN_GAP = '   ';

interface Line {
  y: number;
  height: number;
  items: PositionedText[];
}

/** Group items into lines (top to bottom), items left to right inside a line. */
export function buildLines(items: readonly PositionedText[]): string[] {
  const visible = items.filter((i) => i.str.trim().length > 0);
  // Higher y = higher on the page in PDF space; sort top-down, then left-right.
  const sorted = [...visible].filter((i) => !i.box).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const item of sorted) {
    const h = item.height > 0 ? item.height : 10;
    const line = lines.find((l) => Math.abs(l.y - item.y) <= Math.max(2, Math.min(h, l.height) * 0.45));
    if (line) {
      line.items.push(item);
    } else {
      lines.push({ y: item.y, height: h, items: [item] });
    }
  }
  for (const field of visible.filter((i) => i.box)) {
    const [bottom, top] = field.box ?? [field.y, field.y];
    const mid = (bottom + top) / 2;
    let best: Line | null = null;
    for (const l of lines) {
      if (l.y < bottom - 2 || l.y > top + 2) continue;
      if (!best || Math.abs(l.y - mid) < Math.abs(best.y - mid)) best = l;
    }
    if (best) best.items.push({ ...field, y: best.y });
    else lines.push({ y: field.y, height: field.height > 0 ? field.height : 10, items: [field] });
  }
  lines.sort((a, b) => b.y - a.y);
  return lines.map((line) => joinLine(line)).filter((s) => s.length > 0);
}

function joinLine(line: Line): string {
  const items = [...line.items].sort((a, b) => a.x - b.x);
  let out = '';
  let prevEnd: number | null = null;
  const fontSize = line.height;
  for (const item of items) {
    const text = item.str.replace(/\s+/g, ' ');
    if (prevEnd !== null) {
      const gap = item.x - prevEnd;
      if (gap > fontSize * 2.5) {
        out = out.trimEnd() + COLUMN_GAP;
      } else if (gap > fontSize * 0.15 && !out.endsWith(' ') && !text.startsWith(' ')) {
        out += ' ';
      }
    }
    out += out.endsWith(' ') ? text.replace(/^ /, '') : text;
    prevEnd = item.x + item.width;
  }
  return out.replace(/[ \t]+$/g, '').replace(/^\s+/, '');
}
