import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc, { type Arbitrary } from 'fast-check';
import type { OpenAPIObject, ParameterObject } from '@nestjs/swagger';
import { type AdvisorDto, ErrorCode, ROLES, type Role } from '@careerside/shared';
import {
  DEEP_BODY,
  type DocumentedOperation,
  documentedOperations,
  farDates,
  isDateLike,
  malformedJsonText,
  nastyValue,
  oddUnicode,
  parametersOf,
  SchemaArbitraries,
  toJsonText,
  toText,
} from '../support/openapi-fuzz';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Every documented operation, called with parameters and bodies generated from its OpenAPI schemas and then
 * broken (wrong types, missing and extra fields, huge and deep values, out-of-range dates, odd Unicode, null),
 * with a token of each role that may call it, without one and with a broken one. No answer may be a 5xx, and
 * every error is the shared ErrorBody.
 *
 * FUZZ_SEED varies the run (the seed in use is printed; a failure names it with the operation and the shrunk
 * counterexample); FUZZ_RUNS sets the requests per operation; FUZZ_ONLY="POST /api/appointments,..." fuzzes
 * only those operations.
 */
const DEFAULT_SEED = 20_261_111;
const SEED = Number(process.env.FUZZ_SEED ?? DEFAULT_SEED);
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const ONLY = process.env.FUZZ_ONLY?.split(',').map((key) => key.trim());
/** What the whole suite may spend on requests; an operation gets a share of what is left. */
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 55_000);

const ERROR_CODES = new Set<string>(Object.values(ErrorCode));
const ERROR_BODY_KEYS = new Set(['statusCode', 'code', 'message', 'details', 'requestId']);

type Auth = { kind: 'role'; role: Role } | { kind: 'none' } | { kind: 'header'; value: string };

interface FuzzRequest {
  auth: Auth;
  pathParams: Record<string, unknown>;
  query: [string, unknown][];
  headers: Record<string, unknown>;
  body:
    | { kind: 'none' }
    | { kind: 'json'; value: unknown }
    | { kind: 'multipart'; fields: Record<string, unknown>; file?: Uint8Array };
}

interface Answer {
  status: number;
  requestId?: string;
  contentType: string;
  text: string;
}

describe('fuzzing every documented operation from the OpenAPI document', () => {
  let t: TestApp;
  let document: OpenAPIObject;
  let schemas: SchemaArbitraries;
  let advisorId: string;
  let fixtureIds: string[];

  beforeAll(async () => {
    t = await startTestApp();
    document = (await t.api.get<OpenAPIObject>('/api/docs-json')).body;
    schemas = new SchemaArbitraries(document);
    const admin = await signIn(t.api, 'admin');
    const advisor = await admin.api.post<AdvisorDto>('advisors', {
      name: '模糊测试',
      title: 'Fuzz advisor',
      topics: ['resume'],
      location: 'Room 1',
      modes: ['in_person'],
    });
    if (advisor.status !== 201) throw new Error(`advisor fixture: ${advisor.status} ${advisor.text}`);
    advisorId = advisor.body.id;
    fixtureIds = [advisorId, admin.user.id];
    console.info(
      `fuzz: seed ${SEED} (FUZZ_SEED=${SEED} repeats this run), ${RUNS} requests per operation (FUZZ_RUNS)`,
    );
  });
  afterAll(() => t?.close());

  it('answers no 5xx and a well-formed ErrorBody for every error', async () => {
    const operations = documentedOperations(document).filter((op) => !ONLY || ONLY.includes(op.key));
    expect(operations.length).toBeGreaterThan(ONLY ? 0 : 100);
    const started = Date.now();
    const failures: string[] = [];
    const interrupted: string[] = [];
    const durations: [string, number][] = [];
    let requests = 0;
    for (const [index, op] of operations.entries()) {
      const tokens = await signInRoles(index);
      const roles = op.public ? [...ROLES] : await rolesAllowed(op, tokens);
      const left = BUDGET_MS - (Date.now() - started);
      const timeLimit = Math.max(5_000, Math.floor((left / (operations.length - index)) * 3));
      const seed = operationSeed(op.key);
      const opStarted = Date.now();
      let runs = 0;
      const details = await fc.check(
        fc.asyncProperty(requestFor(op, roles), async (request) => {
          runs += 1;
          assertWellFormed(await send(op, request, tokens), '503' in op.operation.responses);
        }),
        {
          seed,
          numRuns: RUNS,
          examples: edgeCases(op, roles).map((request) => [request] as [FuzzRequest]),
          interruptAfterTimeLimit: timeLimit,
          markInterruptAsFailure: false,
        },
      );
      requests += runs;
      durations.push([op.key, Date.now() - opStarted]);
      if (details.interrupted) interrupted.push(`${op.key} (${details.numRuns} of ${RUNS})`);
      // Interrupted during its first request, fast-check reports a failure without a counterexample.
      if (details.failed && details.counterexample !== null) {
        const message = String(
          details.errorInstance instanceof Error ? details.errorInstance.message : details.errorInstance,
        );
        failures.push(
          [
            `${op.key}: ${message}${await serverError(message)}`,
            `  counterexample (shrunk ${details.numShrinks} times): ${fc.stringify(details.counterexample?.[0])}`,
            `  repeat: FUZZ_SEED=${SEED} FUZZ_ONLY='${op.key}' (operation seed ${seed}, path ${details.counterexamplePath})`,
          ].join('\n'),
        );
      }
    }
    console.info(
      `fuzz: ${operations.length} operations, ${requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s, seed ${SEED}` +
        (interrupted.length ? `; cut short by the time budget: ${interrupted.join(', ')}` : '') +
        `; slowest: ${durations
          .sort((a, b) => b[1] - a[1])
          .slice(0, 5)
          .map(([key, ms]) => `${key} ${ms} ms`)
          .join(', ')}`,
    );
    expect(failures).toEqual([]);
  }, 600_000);

  /** The server's own log of the unexpected error a failure message names by its request id. */
  async function serverError(message: string): Promise<string> {
    const requestId = /"requestId":"([^"]+)"/.exec(message)?.[1];
    if (!requestId || !message.startsWith('answered 5')) return '';
    let raw: string | undefined;
    for (let waited = 0; !raw && waited < 1_000; waited += 20) {
      raw = t.logs.raw.find((line) => line.includes(requestId) && line.includes('"err"'));
      if (!raw) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const err = raw
      ? (JSON.parse(raw) as { err?: { type?: string; message?: string; stack?: string } }).err
      : undefined;
    if (!err) return '';
    const frame = err.stack?.split('\n').find((l) => l.includes('/src/') || l.includes('node_modules'));
    return `\n  server: ${err.type ?? 'Error'}: ${(err.message ?? '').slice(0, 200)}${frame ? `\n  ${frame.trim()}` : ''}`;
  }

  function operationSeed(key: string): number {
    return createHash('sha256').update(`${SEED}:${key}`).digest().readInt32LE(0);
  }

  /** Fresh users per operation: an operation may sign its caller out or change a role. */
  async function signInRoles(index: number): Promise<Record<Role, string>> {
    const entries = await Promise.all(
      ROLES.map(async (role) => {
        const { token } = await signIn(t.api, role, {
          openid: `fuzz-${role}-${index}`,
          ...(role === 'counselor' ? { advisorId } : {}),
        });
        return [role, token] as const;
      }),
    );
    return Object.fromEntries(entries) as Record<Role, string>;
  }

  /**
   * The roles an operation lets through, found by asking: the role guard answers 403 FORBIDDEN before any
   * input is read. When no role gets through (a rule of the route itself), every role is fuzzed.
   */
  async function rolesAllowed(op: DocumentedOperation, tokens: Record<Role, string>): Promise<Role[]> {
    const allowed: Role[] = [];
    for (const role of ROLES) {
      const path = op.path.replace(/\{(\w+)\}/g, 'probe');
      const response = await fetch(`${t.baseUrl}${path}`, {
        method: op.method,
        headers: { authorization: `Bearer ${tokens[role]}` },
      });
      const text = await response.text();
      const forbidden = response.status === 403 && text.includes(`"${ErrorCode.Forbidden}"`);
      if (!forbidden) allowed.push(role);
    }
    return allowed.length > 0 ? allowed : [...ROLES];
  }

  /**
   * Requests every run sends first, whatever the seed, from the schemas too: each date parameter and each date
   * field of the body at the far ends of the calendar, and a body nested 20,000 deep.
   */
  function edgeCases(op: DocumentedOperation, roles: Role[]): FuzzRequest[] {
    const parameters = parametersOf(op.operation);
    const base: FuzzRequest = {
      auth: { kind: 'role', role: roles[0] ?? 'student' },
      pathParams: Object.fromEntries(
        parameters.filter((p) => p.in === 'path').map((p) => [p.name, advisorId]),
      ),
      query: [],
      headers: {},
      body: { kind: 'none' },
    };
    const cases: FuzzRequest[] = [];
    for (const p of parameters.filter((p) => p.in === 'query')) {
      const schema = schemas.resolve(p.schema);
      if (isDateLike(schema))
        for (const date of farDates(schema)) cases.push({ ...base, query: [[p.name, date]] });
    }
    const content =
      op.operation.requestBody && 'content' in op.operation.requestBody
        ? op.operation.requestBody.content
        : {};
    const bodySchema = content['application/json']?.schema;
    if (bodySchema && op.method !== 'GET' && op.method !== 'DELETE') {
      cases.push({ ...base, body: { kind: 'json', value: DEEP_BODY } });
      // The fewest fields that can pass validation: only the required ones, null where null is allowed.
      const resolved = schemas.resolve(bodySchema);
      const minimal = Object.fromEntries(
        (resolved.required ?? []).map((name) => {
          const schema = schemas.resolve(resolved.properties?.[name]);
          const [value] = fc.sample(schemas.valid({ ...schema, nullable: false }), {
            seed: operationSeed(`${op.key} ${name}`),
            numRuns: 1,
          });
          return [name, schema.nullable ? null : value];
        }),
      );
      for (const [name, property] of Object.entries(resolved.properties ?? {})) {
        const schema = schemas.resolve(property);
        if (!isDateLike(schema)) continue;
        for (const date of farDates(schema)) {
          cases.push({ ...base, body: { kind: 'json', value: { ...minimal, [name]: date } } });
        }
      }
    }
    return cases;
  }

  function requestFor(op: DocumentedOperation, roles: Role[]): Arbitrary<FuzzRequest> {
    const parameters = parametersOf(op.operation);
    const pathParams: Record<string, Arbitrary<unknown>> = {};
    for (const p of parameters.filter((p) => p.in === 'path')) {
      pathParams[p.name] = fc.oneof(
        { weight: 3, arbitrary: schemas.valid(p.schema) },
        { weight: 2, arbitrary: fc.constantFrom(...fixtureIds) },
        { weight: 3, arbitrary: schemas.broken(p.schema) },
      );
    }
    const query = fc
      .tuple(
        ...parameters
          .filter((p) => p.in === 'query')
          .map((p) =>
            fc
              .option(
                fc.oneof(
                  { weight: 3, arbitrary: schemas.valid(p.schema) },
                  { weight: 3, arbitrary: schemas.broken(p.schema) },
                  // The same parameter twice, which Fastify hands over as an array.
                  { weight: 1, arbitrary: fc.tuple(schemas.valid(p.schema), schemas.broken(p.schema)) },
                ),
                { nil: undefined, freq: 3 },
              )
              .map((value) => [p.name, value] as [string, unknown]),
          ),
        fc.option(fc.tuple(fc.oneof(fc.string({ maxLength: 8 }), oddUnicode), nastyValue), { freq: 4 }),
      )
      .map((entries) =>
        entries.filter((entry): entry is [string, unknown] => entry !== null && entry[1] !== undefined),
      );
    const headers: Record<string, Arbitrary<unknown>> = {};
    const headerNames = new Set<string>();
    for (const p of parameters.filter((p: ParameterObject) => p.in === 'header')) {
      if (headerNames.has(p.name.toLowerCase())) continue;
      headerNames.add(p.name.toLowerCase());
      headers[p.name] = fc.oneof(schemas.valid(p.schema), schemas.broken(p.schema));
    }
    const auth: Arbitrary<Auth> = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...roles).map((role): Auth => ({ kind: 'role', role })) },
      { weight: 2, arbitrary: fc.constant<Auth>({ kind: 'none' }) },
      {
        weight: 1,
        arbitrary: fc
          .oneof(
            fc.constantFrom(
              'Bearer',
              'Bearer ',
              'Bearer a.b.c',
              'Basic dXNlcjpwYXNz',
              'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.',
              `Bearer ${'a'.repeat(4000)}`,
            ),
            fc.string({ unit: 'grapheme-ascii', maxLength: 60 }).map((s) => `Bearer ${s}`),
          )
          .map((value): Auth => ({ kind: 'header', value })),
      },
    );
    return fc.record({
      auth,
      pathParams: fc.record(pathParams),
      query,
      headers: fc.record(headers, { requiredKeys: [] }),
      body: bodyFor(op),
    });
  }

  function bodyFor(op: DocumentedOperation): Arbitrary<FuzzRequest['body']> {
    const none = fc.constant<FuzzRequest['body']>({ kind: 'none' });
    if (op.method === 'GET' || op.method === 'DELETE') return none;
    const json = (value: Arbitrary<unknown>) =>
      value.map((v): FuzzRequest['body'] => ({ kind: 'json', value: v }));
    const content =
      op.operation.requestBody && 'content' in op.operation.requestBody
        ? op.operation.requestBody.content
        : {};
    const multipart = content['multipart/form-data']?.schema;
    if (multipart) {
      const fields = schemas.resolve(multipart).properties ?? {};
      const textFields = Object.fromEntries(
        Object.entries(fields)
          .filter(([, s]) => schemas.resolve(s).format !== 'binary')
          .map(([name, s]) => [name, fc.oneof(schemas.valid(s), schemas.broken(s))]),
      );
      return fc.oneof(
        {
          weight: 4,
          arbitrary: fc.record({
            kind: fc.constant('multipart' as const),
            fields: fc.record(textFields, { requiredKeys: [] }),
            file: fc.option(fc.uint8Array({ maxLength: 2048 }), { nil: undefined, freq: 5 }),
          }),
        },
        { weight: 1, arbitrary: json(nastyValue) },
        { weight: 1, arbitrary: none },
      );
    }
    const schema = content['application/json']?.schema;
    if (!schema) {
      return fc.oneof(
        { weight: 3, arbitrary: none },
        { weight: 1, arbitrary: json(fc.constant({})) },
        { weight: 1, arbitrary: json(nastyValue) },
      );
    }
    return fc.oneof(
      { weight: 8, arbitrary: json(schemas.body(schema)) },
      { weight: 2, arbitrary: json(malformedJsonText) },
      { weight: 1, arbitrary: none },
    );
  }

  async function send(
    op: DocumentedOperation,
    request: FuzzRequest,
    tokens: Record<Role, string>,
  ): Promise<Answer> {
    const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(wellFormed(toText(request.pathParams[name]).slice(0, 2_000))),
    );
    const search = new URLSearchParams();
    for (const [name, value] of request.query) {
      for (const one of Array.isArray(value) ? value : [value])
        search.append(name, toText(one).slice(0, 2_000));
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers[name] = headerText(value);
    }
    if (request.auth.kind === 'role') headers.authorization = `Bearer ${tokens[request.auth.role]}`;
    if (request.auth.kind === 'header') headers.authorization = headerText(request.auth.value);
    let body: string | FormData | undefined;
    if (request.body.kind === 'json') {
      headers['content-type'] = 'application/json';
      body = toJsonText(request.body.value);
    } else if (request.body.kind === 'multipart') {
      const form = new FormData();
      for (const [name, value] of Object.entries(request.body.fields)) {
        if (value !== undefined) form.append(name, toText(value));
      }
      if (request.body.file) form.append('file', new Blob([request.body.file]), 'upload.bin');
      body = form;
    }
    const query = search.toString();
    const response = await fetch(`${t.baseUrl}${path}${query ? `?${query}` : ''}`, {
      method: op.method,
      headers,
      body,
    });
    const buffer = Buffer.from(await response.arrayBuffer());
    const contentType = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      requestId: response.headers.get('x-request-id') ?? undefined,
      contentType,
      text: /json|text/.test(contentType) ? buffer.toString('utf8') : `<${buffer.length} bytes>`,
    };
  }
});

/** A URL carries UTF-8, which has no lone surrogates: they become U+FFFD, as a browser would send them. */
function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** What fetch can put in a header: visible ASCII, at most 2,000 characters. */
function headerText(value: unknown): string {
  return toText(value)
    .slice(0, 2_000)
    .replace(/[^\x20-\x7e]/g, '?');
}

/** A 503 is allowed where the operation documents one (a service it depends on is away); no other 5xx is. */
function assertWellFormed(answer: Answer, documents503: boolean): void {
  const excerpt = answer.text.length > 300 ? `${answer.text.slice(0, 300)}…` : answer.text;
  if (answer.status >= 500 && !(answer.status === 503 && documents503)) {
    throw new Error(`answered ${answer.status}: ${excerpt}`);
  }
  if (answer.status < 400) return;
  if (!answer.contentType.includes('application/json')) {
    throw new Error(`answered ${answer.status} as ${answer.contentType || 'no content type'}: ${excerpt}`);
  }
  const body = JSON.parse(answer.text) as Record<string, unknown>;
  const problems: string[] = [];
  if (body.statusCode !== answer.status) problems.push(`statusCode ${String(body.statusCode)}`);
  if (typeof body.code !== 'string' || !ERROR_CODES.has(body.code))
    problems.push(`code ${String(body.code)}`);
  if (typeof body.message !== 'string' || body.message === '') problems.push('message');
  const extra = Object.keys(body).filter((key) => !ERROR_BODY_KEYS.has(key));
  if (extra.length) problems.push(`unknown keys ${extra.join(', ')}`);
  if (body.requestId !== undefined && typeof body.requestId !== 'string') problems.push('requestId');
  if (body.details !== undefined) {
    const detailsOk =
      Array.isArray(body.details) &&
      body.details.every(
        (d: unknown) =>
          typeof d === 'object' &&
          d !== null &&
          typeof (d as { message?: unknown }).message === 'string' &&
          ['string', 'undefined'].includes(typeof (d as { field?: unknown }).field),
      );
    if (!detailsOk) problems.push('details');
  }
  if (problems.length)
    throw new Error(
      `answered ${answer.status} with a malformed ErrorBody (${problems.join('; ')}): ${excerpt}`,
    );
}
