import { API_PREFIX, CounselorRoute, JobsRoute } from '@careerside/shared';

export const REDACTED = '[redacted]';

// Routes whose `:token` path segment is the credential itself (only its hash is stored).
const SECRET_ROUTES = [CounselorRoute.calendarFeedIcs, JobsRoute.employer.submission];

const SECRET_PATHS = SECRET_ROUTES.map((route) => {
  const [before = '', after = ''] = `/${API_PREFIX}/${route}`.split(':token');
  return { prefix: before, pattern: new RegExp(`^(${escapeRegExp(before)})[^/]+(${escapeRegExp(after)})`) };
});

/**
 * A request URL fit for the log: the secret segment of a calendar-feed or employer-status URL and the value of
 * any query parameter named like a token are replaced with `[redacted]`. Most URLs have neither and come back
 * as they are, without a regular expression being run.
 */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?');
  let path = queryAt === -1 ? url : url.slice(0, queryAt);
  // The router matches percent-encoded paths too; compare (and log) such a path decoded.
  if (path.includes('%')) path = safeDecode(path, false);
  for (const secret of SECRET_PATHS) {
    if (path.startsWith(secret.prefix)) {
      path = path.replace(secret.pattern, `$1${REDACTED}$2`);
      break;
    }
  }
  if (queryAt === -1) return path;
  const query = url.slice(queryAt + 1);
  return `${path}?${/token|%/i.test(query) ? redactQuery(query) : query}`;
}

function redactQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const equalsAt = pair.indexOf('=');
      const name = equalsAt === -1 ? pair : pair.slice(0, equalsAt);
      return equalsAt !== -1 && /token/i.test(safeDecode(name)) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
}

function safeDecode(value: string, plusIsSpace = true): string {
  try {
    return decodeURIComponent(plusIsSpace ? value.replace(/\+/g, ' ') : value);
  } catch {
    return value;
  }
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
