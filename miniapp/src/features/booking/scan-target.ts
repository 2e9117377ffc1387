import { QR_SCENE } from '@careerside/shared';

export type ScanTarget = { kind: 'advisor'; ref: string } | { kind: 'center' };

const ADVISOR_PAGE = 'subpackages/booking/pages/advisor/index';
const CENTER_PAGE = 'pages/booking/index';
const SHORT_CODE = /^[A-Za-z2-9]{6}$/;

/** `a=WANG8K` (the mini-program code scene, URL-encoded or not) to what it names. */
export function parseScene(scene: string | undefined | null): ScanTarget | null {
  if (!scene) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(scene);
  } catch {
    return null;
  }
  if (decoded === QR_SCENE.center) return { kind: 'center' };
  if (decoded.startsWith(QR_SCENE.advisorPrefix)) {
    const ref = decoded.slice(QR_SCENE.advisorPrefix.length);
    return /^[A-Za-z0-9_-]{1,36}$/.test(ref) ? { kind: 'advisor', ref } : null;
  }
  return null;
}

/**
 * What a scanned code opens: a link to an advisor page (the standard QR code), the center's booking page, a
 * mini-program code (Taro.scanCode gives its `path` with `scene=`), or a short code typed from a poster.
 */
export function parseScanned(text: string | undefined | null): ScanTarget | null {
  const value = text?.trim();
  if (!value) return null;
  if (SHORT_CODE.test(value)) return { kind: 'advisor', ref: value.toUpperCase() };
  const [rawPath, rawQuery = ''] = value.replace(/^[a-z]+:\/\/[^/]+/i, '').split('?');
  const path = rawPath.replace(/^\/+/, '').replace(/\/+$/, '');
  const query = new Map(
    rawQuery
      .split('&')
      .filter(Boolean)
      .map((pair) => {
        const [key, ...rest] = pair.split('=');
        return [key, rest.join('=')] as const;
      }),
  );
  if (path === ADVISOR_PAGE) {
    const scene = parseScene(query.get('scene'));
    if (scene) return scene;
    const id = query.get('id');
    if (id) {
      try {
        const ref = decodeURIComponent(id);
        return /^[A-Za-z0-9_-]{1,36}$/.test(ref) ? { kind: 'advisor', ref } : null;
      } catch {
        return null;
      }
    }
    return null;
  }
  if (path === CENTER_PAGE) return { kind: 'center' };
  return null;
}
