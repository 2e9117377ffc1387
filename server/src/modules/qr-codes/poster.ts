import sharp from 'sharp';

export interface PosterContent {
  center: string;
  name: string;
  title: string;
  location: string;
  topics: string[];
  shortCode: string;
  qrPng: Buffer;
  callToAction: string;
  footer: string;
}

/** A4 at 150 dpi. */
export const POSTER_SIZE = { width: 1240, height: 1754 } as const;
export const POSTER_QR = { size: 720, top: 760 } as const;

// The SVG text is drawn by librsvg through fontconfig: Chinese needs a CJK font on the machine
// (Debian: fonts-noto-cjk), or the glyphs come out as boxes.
const FONT = "'Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei','PingFang SC',sans-serif";

function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char] ?? char,
  );
}

/** A printable door poster: who, where, what about, and the code to scan to book or check in. */
export async function renderPoster(content: PosterContent): Promise<Buffer> {
  const { width, height } = POSTER_SIZE;
  const text = (y: number, size: number, value: string, options: { weight?: number; fill?: string } = {}) =>
    `<text x="${width / 2}" y="${y}" text-anchor="middle" font-family="${FONT}" font-size="${size}" font-weight="${options.weight ?? 400}" fill="${options.fill ?? '#1c2430'}">${escapeXml(value)}</text>`;
  const topics = content.topics.slice(0, 4).join(' · ');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="#ffffff"/>
  <rect width="100%" height="260" fill="#1f4e96"/>
  <rect y="260" width="100%" height="12" fill="#c9952c"/>
  ${text(120, 44, content.center, { fill: '#ffffff', weight: 500 })}
  ${text(200, 40, '随身就业指导 · Career Guidance Right by Your Side', { fill: '#e9eff8' })}
  ${text(420, 110, content.name, { weight: 700 })}
  ${text(510, 48, content.title, { fill: '#4f5b6b' })}
  ${text(590, 44, content.location, { fill: '#1f4e96', weight: 500 })}
  ${topics ? text(665, 36, topics, { fill: '#8a94a6' }) : ''}
  <rect x="${(width - POSTER_QR.size) / 2 - 20}" y="${POSTER_QR.top - 20}" width="${POSTER_QR.size + 40}" height="${POSTER_QR.size + 40}" rx="24" fill="none" stroke="#e4e8ef" stroke-width="4"/>
  ${text(POSTER_QR.top + POSTER_QR.size + 100, 52, content.callToAction, { weight: 700, fill: '#1f4e96' })}
  ${text(POSTER_QR.top + POSTER_QR.size + 165, 36, `预约码 ${content.shortCode}`, { fill: '#4f5b6b' })}
  ${text(height - 48, 26, content.footer, { fill: '#8a94a6' })}
</svg>`;
  const qr = await sharp(content.qrPng)
    .resize(POSTER_QR.size, POSTER_QR.size, { kernel: 'nearest' })
    .png()
    .toBuffer();
  return sharp(Buffer.from(svg))
    .composite([{ input: qr, top: POSTER_QR.top, left: (width - POSTER_QR.size) / 2 }])
    .png({ compressionLevel: 9 })
    .toBuffer();
}
