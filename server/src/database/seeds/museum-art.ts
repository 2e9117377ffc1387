import sharp from 'sharp';

// Artwork and sound for the demo museum, made by code at seed time: abstract SVG scenes rendered to PNG by
// sharp, and a soft chord written as a WAV. No text is drawn (fonts differ between machines).

export type ArtTheme = 'aerospace' | 'energy' | 'chips' | 'west';

/** A small deterministic PRNG, so the same seed draws the same picture on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) % 10_000) / 10_000;
  };
}

const PALETTES: Record<ArtTheme, [string, string, string][]> = {
  aerospace: [
    ['#0b1d3a', '#1f4e96', '#f5c16c'],
    ['#101935', '#3d2c8d', '#ffd27d'],
    ['#06283d', '#1363df', '#dff6ff'],
    ['#1b1a3f', '#5b3e96', '#ffb26b'],
  ],
  energy: [
    ['#ff9a3c', '#ffd56b', '#2f5d62'],
    ['#2b5876', '#4e4376', '#ffe08a'],
    ['#0f4c5c', '#5fa8d3', '#fefae0'],
    ['#3a1c71', '#d76d77', '#ffaf7b'],
  ],
  chips: [
    ['#04293a', '#064663', '#7ee0c3'],
    ['#0b2027', '#40798c', '#cfd7c7'],
    ['#1a1a2e', '#16213e', '#4ecca3'],
    ['#112d32', '#254e58', '#88bdbc'],
  ],
  west: [
    ['#f6d365', '#fda085', '#6a4c93'],
    ['#89c2d9', '#e9c46a', '#6b4226'],
    ['#ffecd2', '#fcb69f', '#3d5a80'],
    ['#a1c4fd', '#c2e9fb', '#386641'],
  ],
};

function stars(next: () => number, width: number, height: number, count: number): string {
  return Array.from({ length: count }, () => {
    const r = (0.6 + next() * 1.8).toFixed(1);
    return `<circle cx="${(next() * width).toFixed(0)}" cy="${(next() * height * 0.7).toFixed(0)}" r="${r}" fill="#fff" opacity="${(0.4 + next() * 0.6).toFixed(2)}"/>`;
  }).join('');
}

function scene(theme: ArtTheme, variant: number, width: number, height: number): string {
  const next = random(variant * 7919 + theme.length * 104_729);
  const [from, to, accent] = PALETTES[theme][variant % 4];
  const w = width;
  const h = height;
  let body: string;
  if (theme === 'aerospace') {
    const x = w * (0.55 + next() * 0.25);
    body =
      stars(next, w, h, 90) +
      `<ellipse cx="${w * 0.5}" cy="${h * 0.62}" rx="${w * 0.42}" ry="${h * 0.12}" fill="none" stroke="${accent}" stroke-opacity="0.45" stroke-width="3" transform="rotate(-12 ${w / 2} ${h / 2})"/>` +
      `<circle cx="${w * 0.18}" cy="${h * 0.25}" r="${h * 0.11}" fill="${accent}" opacity="0.85"/>` +
      `<g transform="translate(${x} ${h * 0.28}) rotate(${20 + next() * 20})">` +
      `<path d="M0 -70 C 18 -40 18 30 14 60 L -14 60 C -18 30 -18 -40 0 -70 Z" fill="#f4f6fb"/>` +
      `<circle cx="0" cy="-15" r="8" fill="${to}"/>` +
      `<path d="M-14 40 L -34 72 L -14 62 Z M14 40 L 34 72 L 14 62 Z" fill="${accent}"/>` +
      `<path d="M-9 62 Q 0 ${130 + next() * 40} 9 62 Z" fill="#ffb347" opacity="0.9"/></g>` +
      `<path d="M0 ${h} L0 ${h * 0.86} Q ${w * 0.5} ${h * 0.78} ${w} ${h * 0.88} L ${w} ${h} Z" fill="#081226" opacity="0.8"/>`;
  } else if (theme === 'energy') {
    const turbines = Array.from({ length: 4 }, (_, i) => {
      const tx = w * (0.15 + i * 0.22 + next() * 0.05);
      const ty = h * (0.55 + next() * 0.1);
      const angle = next() * 120;
      const blade = `<path d="M0 0 L 6 -62 L -6 -62 Z" fill="#fff"/>`;
      return (
        `<line x1="${tx}" y1="${ty}" x2="${tx}" y2="${h}" stroke="#fff" stroke-width="5"/>` +
        `<g transform="translate(${tx} ${ty}) rotate(${angle})">${blade}<g transform="rotate(120)">${blade}</g><g transform="rotate(240)">${blade}</g></g>` +
        `<circle cx="${tx}" cy="${ty}" r="6" fill="#fff"/>`
      );
    }).join('');
    const panels = Array.from({ length: 7 }, (_, i) => {
      const px = w * 0.05 + i * w * 0.135;
      return `<path d="M${px} ${h * 0.9} L ${px + w * 0.11} ${h * 0.9} L ${px + w * 0.09} ${h * 0.8} L ${px + w * 0.02} ${h * 0.8} Z" fill="${accent}" opacity="0.9"/>`;
    }).join('');
    body =
      `<circle cx="${w * (0.7 + next() * 0.15)}" cy="${h * 0.3}" r="${h * 0.16}" fill="#fff6d5" opacity="0.9"/>` +
      `<path d="M0 ${h * 0.75} Q ${w * 0.3} ${h * 0.62} ${w * 0.6} ${h * 0.72} T ${w} ${h * 0.68} L ${w} ${h} L 0 ${h} Z" fill="${accent}" opacity="0.55"/>` +
      turbines +
      panels;
  } else if (theme === 'chips') {
    const grid: string[] = [];
    for (let i = 0; i < 26; i += 1) {
      const y = h * (0.1 + next() * 0.8);
      const x1 = w * next() * 0.4;
      const x2 = x1 + w * (0.2 + next() * 0.4);
      grid.push(
        `<path d="M${x1.toFixed(0)} ${y.toFixed(0)} H ${x2.toFixed(0)} V ${(y + (next() - 0.5) * h * 0.3).toFixed(0)}" fill="none" stroke="${accent}" stroke-width="2" stroke-opacity="${(0.3 + next() * 0.5).toFixed(2)}"/>`,
        `<circle cx="${x2.toFixed(0)}" cy="${y.toFixed(0)}" r="4" fill="${accent}"/>`,
      );
    }
    const cx = w * 0.62;
    const cy = h * 0.5;
    const size = h * 0.42;
    const pins = Array.from({ length: 8 }, (_, i) => {
      const o = -size / 2 + (i + 0.5) * (size / 8);
      return (
        `<rect x="${cx + o - 4}" y="${cy - size / 2 - 18}" width="8" height="18" fill="${accent}"/>` +
        `<rect x="${cx + o - 4}" y="${cy + size / 2}" width="8" height="18" fill="${accent}"/>` +
        `<rect x="${cx - size / 2 - 18}" y="${cy + o - 4}" width="18" height="8" fill="${accent}"/>` +
        `<rect x="${cx + size / 2}" y="${cy + o - 4}" width="18" height="8" fill="${accent}"/>`
      );
    }).join('');
    body =
      grid.join('') +
      pins +
      `<rect x="${cx - size / 2}" y="${cy - size / 2}" width="${size}" height="${size}" rx="14" fill="#0d1b2a" stroke="${accent}" stroke-width="4"/>` +
      `<rect x="${cx - size / 4}" y="${cy - size / 4}" width="${size / 2}" height="${size / 2}" rx="6" fill="${accent}" opacity="0.8"/>`;
  } else {
    const ridge = (base: number, amp: number, colour: string, opacity: number) => {
      const points = Array.from(
        { length: 9 },
        (_, i) => `${(i * w) / 8},${(h * base - next() * h * amp).toFixed(0)}`,
      );
      return `<polygon points="0,${h} ${points.join(' ')} ${w},${h}" fill="${colour}" opacity="${opacity}"/>`;
    };
    const sx = w * (0.2 + next() * 0.5);
    body =
      `<circle cx="${w * 0.8}" cy="${h * 0.22}" r="${h * 0.1}" fill="#fff8e7" opacity="0.95"/>` +
      ridge(0.55, 0.25, accent, 0.35) +
      ridge(0.7, 0.2, accent, 0.6) +
      `<g transform="translate(${sx} ${h * 0.72})"><rect x="-60" y="-40" width="120" height="60" fill="#fdf0d5"/>` +
      `<path d="M-72 -40 L 0 -86 L 72 -40 Z" fill="#c1121f"/>` +
      `<rect x="-12" y="-14" width="24" height="34" fill="${accent}"/>` +
      `<rect x="-46" y="-28" width="22" height="18" fill="#8ecae6"/><rect x="24" y="-28" width="22" height="18" fill="#8ecae6"/>` +
      `<line x1="0" y1="-86" x2="0" y2="-130" stroke="#5c4033" stroke-width="4"/><path d="M0 -130 L 34 -120 L 0 -110 Z" fill="#e63946"/></g>` +
      ridge(0.92, 0.08, accent, 0.85);
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>` +
    `<rect width="${w}" height="${h}" fill="url(#g)"/>${body}</svg>`
  );
}

/** A PNG scene for a theme; `variant` changes the palette and the layout. */
export function renderArt(theme: ArtTheme, variant: number, width = 960, height = 540): Promise<Buffer> {
  return sharp(Buffer.from(scene(theme, variant, width, height)))
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/**
 * A calm major chord with a slow swell, as a mono 16-bit WAV: the demo's stand-in for a recorded audio guide
 * (each exhibit's transcript holds the words a narrator would read).
 */
export function renderChime(rootHz: number, seconds: number, sampleRate = 11_025): Buffer {
  const samples = Math.round(seconds * sampleRate);
  const data = Buffer.alloc(samples * 2);
  const ratios = [1, 5 / 4, 3 / 2, 2];
  for (let i = 0; i < samples; i += 1) {
    const t = i / sampleRate;
    const envelope =
      Math.min(1, t / 1.5, (seconds - t) / 2) * (0.75 + 0.25 * Math.sin(2 * Math.PI * 0.2 * t));
    let value = 0;
    for (const [index, ratio] of ratios.entries()) {
      value += Math.sin(2 * Math.PI * rootHz * ratio * t + index) / (index + 1.5);
    }
    data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, value * 0.35 * envelope)) * 32_000), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
