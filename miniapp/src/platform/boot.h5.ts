/**
 * Taro's H5 tab bar renders `<a href="javascript:;">`. Following such a link is inline script, which the
 * server's Content-Security-Policy rightly blocks (and Chromium reports as a console error). Taro's own click
 * handler does the navigation, so the link's default action is cancelled here; nothing else is affected.
 */
export function bootPlatform(): void {
  document.addEventListener(
    'click',
    (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href^="javascript:"]') : null;
      if (link) event.preventDefault();
    },
    true,
  );
}
