// The API straight from Node, for the steps an e2e file sets up or checks behind the browser's back: real
// requests to the same server (BASE_URL), as other users. Not a test file itself.
import assert from 'node:assert/strict';
import { BASE_URL } from './h5-session.mjs';

export const CENTER_TIME_ZONE = 'Asia/Shanghai';

/**
 * `method path` with `token` (or none). Answers the status, the headers, the text and the body: parsed when it
 * is JSON, the text otherwise (a calendar feed), null when empty.
 */
export async function apiAs(token, method, path, body) {
  const response = await fetch(`${BASE_URL}/api/${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = response.headers.get('content-type')?.includes('json') ?? false;
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: text === '' ? null : json ? JSON.parse(text) : text,
  };
}

/** The body of an answer that must have this status; `what` names the step when it does not. */
export async function expectOk(promise, status, what) {
  const response = await promise;
  assert.equal(response.status, status, `${what}: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A new user through the dev login (unique per run, so a file can run twice against one server). */
export async function devLogin(role, name) {
  const openid = `e2e-${role}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  return expectOk(apiAs(null, 'POST', 'auth/dev-login', { openid, role, name }), 200, `dev login ${name}`);
}

/** What a student's profile needs besides the name before the server takes a booking. */
export const BOOKING_PROFILE = { college: '航空航天学院', degree: 'master', graduationYear: 2027 };

/** A fresh student whose profile is complete enough to book; answers the session (`token`, `user`). */
export async function bookingStudent(name) {
  const session = await devLogin('student', name);
  const profile = { name, ...BOOKING_PROFILE };
  await expectOk(apiAs(session.token, 'PATCH', 'me/profile', profile), 200, `profile ${name}`);
  return session;
}

/** Wall-clock date and time of an instant in the center's time zone. */
export function centerWallTime(ms) {
  const text = new Intl.DateTimeFormat('sv-SE', {
    timeZone: CENTER_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(ms));
  const [date, time] = text.split(' ');
  return { date, time };
}
