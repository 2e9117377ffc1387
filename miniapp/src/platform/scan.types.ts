/** What the camera read (a link, a mini-program code path, text), or that this platform has no camera scan. */
export type ScanOutcome = { kind: 'scanned'; text: string } | { kind: 'cancelled' } | { kind: 'unsupported' };
