// Draws the tab bar and home entry icons as PNGs with signed distance fields (anti-aliased, a few KB each).
// Run `pnpm --filter @careerside/miniapp icons` after changing a glyph or a colour; the PNGs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'icons');
const UNIT = 81; // glyphs are drawn on an 81 x 81 grid, WeChat's largest tab icon size
const STROKE = 5.5;

const COLORS = {
  normal: [0x8a, 0x94, 0xa6], // $color-text-tertiary
  selected: [0x1f, 0x4e, 0x96], // $color-primary
  white: [0xff, 0xff, 0xff],
};

const length = (x, y) => Math.hypot(x, y);

function segment(px, py, ax, ay, bx, by) {
  const pax = px - ax;
  const pay = py - ay;
  const bax = bx - ax;
  const bay = by - ay;
  const h = Math.max(0, Math.min(1, (pax * bax + pay * bay) / (bax * bax + bay * bay)));
  return length(pax - bax * h, pay - bay * h);
}

function roundedBox(px, py, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const qx = Math.abs(px - cx) - (x1 - x0) / 2 + r;
  const qy = Math.abs(py - cy) - (y1 - y0) / 2 + r;
  return length(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

function circle(px, py, cx, cy, r) {
  return length(px - cx, py - cy) - r;
}

function polygon(px, py, points) {
  let d = Infinity;
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    d = Math.min(d, segment(px, py, xi, yi, xj, yj));
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? -d : d;
}

const outline = (d) => Math.abs(d) - STROKE / 2;
const line = (d) => d - STROKE / 2;

// Each glyph answers, for a point, the distance to its strokes and to its filled area (for the selected tint).
const GLYPHS = {
  home(x, y) {
    const house = polygon(x, y, [
      [40.5, 13],
      [67, 36],
      [67, 67],
      [14, 67],
      [14, 36],
    ]);
    const door = roundedBox(x, y, 33, 47, 48, 67, 3);
    return { stroke: Math.min(outline(house), Math.max(outline(door), y - 67)), fill: house };
  },
  booking(x, y) {
    const body = roundedBox(x, y, 13, 20, 68, 67, 9);
    const rule = line(segment(x, y, 13, 34, 68, 34));
    const rings = Math.min(line(segment(x, y, 28, 12, 28, 25)), line(segment(x, y, 53, 12, 53, 25)));
    const tick = Math.min(line(segment(x, y, 29, 50, 37, 57)), line(segment(x, y, 37, 57, 52, 43)));
    return { stroke: Math.min(outline(body), rule, rings, tick), fill: body };
  },
  jobs(x, y) {
    const body = roundedBox(x, y, 12, 28, 69, 66, 9);
    const handle = Math.max(outline(roundedBox(x, y, 29, 15, 52, 36, 6)), y - 28);
    const belt = line(segment(x, y, 12, 45, 69, 45));
    const clasp = roundedBox(x, y, 36, 40, 45, 51, 2.5) - 0.5;
    return { stroke: Math.min(outline(body), handle, belt, clasp), fill: body };
  },
  museum(x, y) {
    const roof = polygon(x, y, [
      [40.5, 11],
      [70, 28],
      [11, 28],
    ]);
    const columns = [21, 34, 47, 60].map((cx) => line(segment(x, y, cx, 35, cx, 57)));
    const base = line(segment(x, y, 11, 65, 70, 65));
    const step = line(segment(x, y, 16, 58, 65, 58)) + 1;
    return { stroke: Math.min(outline(roof), ...columns, base, step), fill: roof };
  },
  me(x, y) {
    const head = circle(x, y, 40.5, 28, 13);
    const body = Math.max(circle(x, y, 40.5, 74, 26), y - 67);
    return { stroke: Math.min(outline(head), outline(body)), fill: Math.min(head, body) };
  },
};

const coverage = (d, scale) => Math.max(0, Math.min(1, 0.5 - d * scale));

function render(glyph, size, color, tint) {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const scale = size / UNIT;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const { stroke, fill } = glyph((px + 0.5) / scale, (py + 0.5) / scale);
      const strokeAlpha = coverage(stroke, scale);
      const fillAlpha = tint ? coverage(fill, scale) * tint : 0;
      const alpha = strokeAlpha + fillAlpha * (1 - strokeAlpha);
      const i = (py * size + px) * 4;
      png.data[i] = color[0];
      png.data[i + 1] = color[1];
      png.data[i + 2] = color[2];
      png.data[i + 3] = Math.round(alpha * 255);
    }
  }
  return PNG.sync.write(png, { colorType: 6, deflateLevel: 9 });
}

mkdirSync(OUT, { recursive: true });
const written = [];
for (const [name, glyph] of Object.entries(GLYPHS)) {
  const files = {
    [`tab-${name}.png`]: render(glyph, UNIT, COLORS.normal, 0),
    [`tab-${name}-active.png`]: render(glyph, UNIT, COLORS.selected, 0.16),
    [`entry-${name}.png`]: render(glyph, 96, COLORS.white, 0),
  };
  for (const [file, buffer] of Object.entries(files)) {
    writeFileSync(join(OUT, file), buffer);
    written.push(`${file} ${buffer.length} B`);
  }
}
console.log(written.join('\n'));
