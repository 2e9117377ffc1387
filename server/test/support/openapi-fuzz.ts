import fc, { type Arbitrary } from 'fast-check';
import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  PathItemObject,
  ReferenceObject,
  SchemaObject,
} from '@nestjs/swagger';

/**
 * Requests built from the OpenAPI document and then broken, for the fuzz suite. Everything here is derived from
 * the schemas, so an endpoint is fuzzed from the day it is documented.
 */

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export interface DocumentedOperation {
  /** `POST /api/appointments` */
  key: string;
  method: string;
  path: string;
  operation: OperationObject;
  public: boolean;
}

export function documentedOperations(document: OpenAPIObject): DocumentedOperation[] {
  return Object.entries<PathItemObject>(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => {
      const operation = item[method] as OperationObject;
      return {
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        operation,
        public: Array.isArray(operation.security) && operation.security.length === 0,
      };
    }),
  );
}

/** A JSON text inserted as is: bodies too deep for JSON.stringify, and text that is not JSON at all. */
export class RawJson {
  constructor(
    readonly text: string,
    private readonly label: string,
  ) {}
  [fc.toStringMethod](): string {
    return this.label;
  }
}

/** A long string built only when sent, so that a counterexample prints as `'x' × 200000`. */
export class LongString {
  constructor(
    readonly unit: string,
    readonly count: number,
  ) {}
  get value(): string {
    return this.unit.repeat(this.count);
  }
  [fc.toStringMethod](): string {
    return `${JSON.stringify(this.unit)} × ${this.count}`;
  }
}

/** JSON text of a value that may hold RawJson and LongString parts. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (value instanceof LongString) return JSON.stringify(value.value);
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A value as it goes into a URL or a header. */
export function toText(value: unknown): string {
  if (value instanceof LongString) return value.value;
  if (value instanceof RawJson) return value.text;
  if (typeof value === 'string') return value;
  return toJsonText(value);
}

const deepArray = fc
  .integer({ min: 50, max: 20_000 })
  .map((depth) => new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`, `[[[…]]] × ${depth}`));
const deepObject = fc
  .integer({ min: 50, max: 20_000 })
  .map((depth) => new RawJson(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`, `{"a":{"a":…}} × ${depth}`));
const longArray = fc
  .integer({ min: 1_000, max: 50_000 })
  .map((length) => new RawJson(`[${Array(length).fill('1').join(',')}]`, `[1,1,…] × ${length}`));
const longString = fc
  .tuple(fc.constantFrom('x', '字', '😀', '\u0000', '\u2028', 'é'), fc.integer({ min: 1_000, max: 200_000 }))
  .map(([unit, count]) => new LongString(unit, count));

/** Dates and times that are out of range, impossible, or in forms a parser may misread. */
export const oddDates = fc.constantFrom(
  '9999-12-31',
  '0000-01-01',
  '0001-01-01',
  '0099-12-31',
  '1899-12-31',
  '2100-01-01',
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '2026-1-5',
  '20261231',
  '+275760-09-13',
  '-000001-01-01',
  '9999-12-31T23:59:59.999Z',
  '0000-01-01T00:00:00Z',
  '2026-06-15T25:61:00+08:00',
  '2026-06-15T10:00:00+99:00',
  '2026-06-15T10:00:00',
  '1970-01-01T00:00:00Z',
  '8640000000000001',
  'Invalid Date',
  'NaN',
);

/** Text that has broken parsers and databases: NUL, lone surrogates, line separators, BOMs, RTL overrides. */
export const oddUnicode = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\udfff',
    'x\ud83d',
    '\u2028\u2029',
    '\ufeff',
    '\u202e\u202d',
    '😀👩‍👩‍👧‍👦',
    '\u0301'.repeat(500),
    'ＡＢＣ１２３',
    '𠀀𪚥',
    '%00',
    '%',
    '../../etc/passwd',
    "' OR 1=1 --",
    '$where',
    '__proto__',
    ' ',
    '\t\r\n',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const oddNumbers = fc.constantFrom(
  -1,
  0,
  -0,
  1.5,
  2 ** 31,
  2 ** 53 + 1,
  -(2 ** 63),
  1e308,
  -1e308,
  5e-324,
  new RawJson('1e999', '1e999'),
  new RawJson('-1e999', '-1e999'),
  new RawJson('123456789012345678901234567890', '123456789012345678901234567890'),
);

const oddStrings = fc.oneof(
  fc.constantFrom(
    '',
    '0',
    '-1',
    '1e3',
    '0x10',
    ' 1',
    'true',
    'null',
    'undefined',
    '[]',
    '{}',
    '9'.repeat(40),
  ),
  oddDates,
  oddUnicode,
);

/** Values that break anything: each kind the issue names. */
export const nastyValue: Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: deepArray },
  { weight: 2, arbitrary: deepObject },
  { weight: 1, arbitrary: longArray },
  { weight: 1, arbitrary: longString },
  { weight: 3, arbitrary: oddStrings },
  { weight: 2, arbitrary: oddNumbers },
  { weight: 1, arbitrary: fc.boolean() },
  {
    weight: 1,
    arbitrary: fc.constant(new RawJson('{"__proto__":{"admin":true}}', '{"__proto__":{"admin":true}}')),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Something of any type but this schema's. */
function wrongType(schema: SchemaObject): Arbitrary<unknown> {
  const kinds: Arbitrary<unknown>[] = [];
  const type = effectiveType(schema);
  if (type !== 'string') kinds.push(fc.string({ maxLength: 8 }), oddStrings);
  if (type !== 'number' && type !== 'integer') kinds.push(fc.integer(), fc.double({ noNaN: true }));
  if (type !== 'boolean') kinds.push(fc.boolean());
  if (type !== 'array') kinds.push(fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }));
  if (type !== 'object') kinds.push(fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }));
  if (!schema.nullable) kinds.push(fc.constant(null));
  return fc.oneof(...kinds);
}

export class SchemaArbitraries {
  constructor(private readonly document: OpenAPIObject) {}

  resolve(schema: SchemaObject | ReferenceObject | undefined): SchemaObject {
    let current = schema ?? {};
    for (let hops = 0; '$ref' in current && hops < 20; hops += 1) {
      const name = current.$ref.split('/').pop() ?? '';
      current = this.document.components?.schemas?.[name] ?? {};
    }
    const resolved = current as SchemaObject;
    if (!resolved.allOf) return resolved;
    // allOf: merge the parts (Nest uses it to add a description to a $ref).
    const parts = resolved.allOf.map((part) => this.resolve(part));
    const { allOf: _allOf, ...rest } = resolved;
    return parts.reduce<SchemaObject>(
      (merged, part) => ({
        ...part,
        ...merged,
        properties: { ...part.properties, ...merged.properties },
        required: [...(part.required ?? []), ...(merged.required ?? [])],
      }),
      rest,
    );
  }

  /** A value the schema accepts (as far as the document can say). */
  valid(input: SchemaObject | ReferenceObject | undefined, depth = 0): Arbitrary<unknown> {
    const schema = this.resolve(input);
    const value = this.validNotNull(schema, depth);
    return schema.nullable ? fc.oneof({ weight: 4, arbitrary: value }, fc.constant(null)) : value;
  }

  private validNotNull(schema: SchemaObject, depth: number): Arbitrary<unknown> {
    if (schema.enum?.length) return fc.constantFrom(...(schema.enum as unknown[]));
    const examples = schema.example !== undefined ? [fc.constant(schema.example)] : [];
    switch (effectiveType(schema)) {
      case 'string':
        return fc.oneof(...examples, this.validString(schema));
      case 'integer':
      case 'number': {
        const min = schema.minimum ?? -1_000;
        const max = schema.maximum ?? Math.max(min + 1_000, 1_000);
        return fc.oneof(...examples, fc.integer({ min: Math.ceil(min), max: Math.floor(max) }));
      }
      case 'boolean':
        return fc.boolean();
      case 'array': {
        const items = depth > 3 ? fc.constant('x') : this.valid(schema.items, depth + 1);
        const minLength = schema.minItems ?? 0;
        return fc.array(items, {
          minLength,
          maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)),
        });
      }
      case 'object':
        return this.validObject(schema, depth);
      default:
        return fc.jsonValue({ maxDepth: 1 });
    }
  }

  private validString(schema: SchemaObject): Arbitrary<string> {
    const minLength = schema.minLength ?? 0;
    const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 20, 40));
    switch (schema.format) {
      case 'date-time':
        return fc
          .date({
            min: new Date('2020-01-01T00:00:00Z'),
            max: new Date('2035-12-31T00:00:00Z'),
            noInvalidDate: true,
          })
          .map((d) => d.toISOString());
      case 'date':
        return fc
          .date({
            min: new Date('2020-01-01T00:00:00Z'),
            max: new Date('2035-12-31T00:00:00Z'),
            noInvalidDate: true,
          })
          .map((d) => d.toISOString().slice(0, 10));
      case 'uuid':
        return fc.uuid();
      case 'email':
        return fc.emailAddress();
      case 'uri':
        return fc.webUrl();
      default:
        return fc.string({ minLength, maxLength });
    }
  }

  private validObject(schema: SchemaObject, depth: number): Arbitrary<Record<string, unknown>> {
    const properties = Object.entries(schema.properties ?? {});
    if (properties.length === 0) {
      return depth > 2 || !schema.additionalProperties
        ? fc.constant({})
        : fc.dictionary(
            fc.string({ minLength: 1, maxLength: 8 }),
            this.valid(schema.additionalProperties === true ? {} : schema.additionalProperties, depth + 1),
            { maxKeys: 3 },
          );
    }
    const required = new Set(schema.required ?? []);
    const model: Record<string, Arbitrary<unknown>> = {};
    for (const [name, property] of properties) model[name] = this.valid(property, depth + 1);
    return fc.record(model, {
      requiredKeys: properties.map(([name]) => name).filter((n) => required.has(n)),
    });
  }

  /** A value the schema refuses, or one that is in range but nasty. */
  broken(input: SchemaObject | ReferenceObject | undefined): Arbitrary<unknown> {
    const schema = this.resolve(input);
    const kinds: Arbitrary<unknown>[] = [wrongType(schema), nastyValue];
    const type = effectiveType(schema);
    if (type === 'string') {
      kinds.push(oddStrings, oddDates);
      // A date (by its format or its example): mostly dates out of range or impossible.
      if (isDateLike(schema)) kinds.push(oddDates, oddDates, oddDates, oddDates);
      if (schema.maxLength !== undefined) {
        kinds.push(fc.constant(new LongString('y', schema.maxLength + 1)));
      }
    }
    if ((type === 'number' || type === 'integer') && schema.maximum !== undefined) {
      kinds.push(fc.constant(schema.maximum + 1), fc.constant(schema.maximum + 0.5));
    }
    if ((type === 'number' || type === 'integer') && schema.minimum !== undefined) {
      kinds.push(fc.constant(schema.minimum - 1));
    }
    if (type === 'array') kinds.push(fc.array(this.broken(schema.items), { minLength: 1, maxLength: 3 }));
    if (schema.enum?.length)
      kinds.push(fc.constantFrom(...(schema.enum as unknown[]).map((v) => `${String(v)}X`)));
    return fc.oneof(...kinds);
  }

  /** A body: valid, or valid with one field broken, one required field missing, extra fields, or no object at all. */
  body(input: SchemaObject | ReferenceObject | undefined): Arbitrary<unknown> {
    const schema = this.resolve(input);
    const valid = this.valid(schema);
    const properties = Object.entries(schema.properties ?? {});
    const variants: { weight: number; arbitrary: Arbitrary<unknown> }[] = [
      { weight: 2, arbitrary: valid },
      { weight: 2, arbitrary: nastyValue },
      {
        weight: 1,
        arbitrary: fc
          .tuple(
            valid,
            fc.dictionary(fc.oneof(fc.string({ maxLength: 10 }), oddUnicode), nastyValue, {
              minKeys: 1,
              maxKeys: 3,
            }),
          )
          .map(([body, extra]) => (isRecord(body) ? { ...body, ...extra } : extra)),
      },
    ];
    if (properties.length > 0) {
      const brokenField = fc.oneof(
        ...properties.map(([name, property]) => this.broken(property).map((value) => [name, value] as const)),
      );
      variants.push({
        weight: 5,
        arbitrary: fc
          .tuple(valid, fc.array(brokenField, { minLength: 1, maxLength: 2 }))
          .map(([body, fields]) => (isRecord(body) ? { ...body, ...Object.fromEntries(fields) } : body)),
      });
    }
    const required = schema.required ?? [];
    if (required.length > 0) {
      variants.push({
        weight: 1,
        arbitrary: fc.tuple(valid, fc.constantFrom(...required)).map(([body, name]) => {
          if (!isRecord(body)) return body;
          const { [name]: _dropped, ...rest } = body;
          return rest;
        }),
      });
    }
    return fc.oneof(...variants);
  }
}

/** Nesting deeper than any parser that recurses can follow. */
export const DEEP_BODY = new RawJson(
  `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`,
  '{"a":{"a":…}} × 20000',
);

/** The far ends of the calendar, in the form of the field: the first values a date field meets in a run. */
export function farDates(schema: SchemaObject): string[] {
  const dates = ['9999-12-31', '0000-01-01'];
  return schema.format === 'date-time' ? dates.map((d) => `${d}T00:00:00.000Z`) : dates;
}

/** Bodies that are not JSON at all, sent with Content-Type: application/json. */
export const malformedJsonText = fc.constantFrom(
  new RawJson('', '<empty>'),
  new RawJson('{', '{'),
  new RawJson('{"a":1}garbage', '{"a":1}garbage'),
  new RawJson("{'a':1}", "{'a':1}"),
  new RawJson('\ufeff{}', '<BOM>{}'),
  new RawJson('{"a":1,"a":2}', '{"a":1,"a":2}'),
  new RawJson('{"__proto__":{"x":1}}', '{"__proto__":{"x":1}}'),
  new RawJson('{"constructor":{"prototype":{"x":1}}}', '{"constructor":{"prototype":{"x":1}}}'),
  new RawJson('null', 'null'),
  new RawJson('"text"', '"text"'),
  new RawJson('NaN', 'NaN'),
  new RawJson('{"a":"\\ud800"}', '{"a":"\\ud800"}'),
  new RawJson(`"${'z'.repeat(1_100_000)}"`, 'a string of 1.1 MB (over the body limit)'),
);

export function isDateLike(schema: SchemaObject): boolean {
  return (
    schema.format === 'date' ||
    schema.format === 'date-time' ||
    (typeof schema.example === 'string' && /^\d{4}-\d{2}-\d{2}/.test(schema.example))
  );
}

export function effectiveType(schema: SchemaObject): string | undefined {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  // Nest documents `string | null` DTO fields as `type: object` with string constraints.
  if (
    type === 'object' &&
    !schema.properties &&
    (schema.maxLength !== undefined || schema.minLength !== undefined)
  ) {
    return 'string';
  }
  if (!type && schema.properties) return 'object';
  return type;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !(value instanceof RawJson) &&
    !(value instanceof LongString)
  );
}

export function parametersOf(operation: OperationObject): ParameterObject[] {
  return (operation.parameters ?? []).filter((p): p is ParameterObject => 'in' in p);
}
