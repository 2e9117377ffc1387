/** Nothing to prepare in the mini-program; see boot.h5.ts for the browser. */
export function bootPlatform(): void {}
