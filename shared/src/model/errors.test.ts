// fieldErrors and the coded-issue helpers: zod's own issues get model codes, custom issues keep theirs, paths are
// dotted (`hosts.0.name`), unknown keys are listed one by one, and user text in messages is quoted and cut short.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ModelErr, addModelIssue, coded, fieldErrors, oneOf, quoted } from './errors.js';

function fields(schema: z.ZodTypeAny, value: unknown) {
  const r = schema.safeParse(value);
  return r.success ? [] : fieldErrors(r.error);
}

describe('fieldErrors', () => {
  it('codes a missing field and a wrong type', () => {
    const schema = z.object({ name: z.string(), port: z.number(), hosts: z.array(z.object({ name: z.string() })) });
    expect(fields(schema, { port: 'x', hosts: [{ name: 1 }] })).toEqual([
      { path: 'name', message: 'name is required', code: 'M2_ERR_MODEL_REQUIRED' },
      { path: 'port', message: 'port must be a number, not string', code: 'M2_ERR_MODEL_TYPE' },
      { path: 'hosts.0.name', message: 'hosts.0.name must be a string, not number', code: 'M2_ERR_MODEL_TYPE' },
    ]);
    expect(fields(schema, null)).toEqual([{ path: '', message: 'the body must be an object, not null', code: 'M2_ERR_MODEL_TYPE' }]);
  });

  it('lists each unknown field of a strict object at its own path', () => {
    const schema = z.object({ inner: z.object({ a: z.number() }).strict() });
    expect(fields(schema, { inner: { a: 1, b: 2, c: 3 } })).toEqual([
      { path: 'inner.b', message: 'b is not a field here', code: 'M2_ERR_MODEL_UNKNOWN_FIELD' },
      { path: 'inner.c', message: 'c is not a field here', code: 'M2_ERR_MODEL_UNKNOWN_FIELD' },
    ]);
  });

  it('keeps any M2_ERR_ code of a custom issue, and codes other issues as invalid', () => {
    const schema = z.object({
      a: z.string().superRefine((_v, ctx) => addModelIssue(ctx, 'M2_ERR_API_CONFLICT', 'taken')),
      b: z.string().refine(() => false, 'plain refine'),
      c: z.string().email(),
    });
    expect(fields(schema, { a: 'x', b: 'y', c: 'z' }).map((e) => [e.path, e.code])).toEqual([
      ['a', 'M2_ERR_API_CONFLICT'], ['b', ModelErr.INVALID], ['c', ModelErr.INVALID],
    ]);
  });

  it('puts an object-level issue on the path it names', () => {
    const schema = z.object({ x: z.number() }).superRefine((_v, ctx) => addModelIssue(ctx, ModelErr.PORT, 'bad', ['x']));
    expect(fields(schema, { x: 1 })).toEqual([{ path: 'x', message: 'bad', code: 'M2_ERR_MODEL_PORT' }]);
  });
});

describe('helpers', () => {
  it('coded adds its code only when the test returns a message', () => {
    const even = coded(z.number(), ModelErr.INVALID, (v) => (v % 2 === 0 ? null : `${v} is odd`));
    expect(even.parse(2)).toBe(2);
    expect(fields(even, 3)).toEqual([{ path: '', message: '3 is odd', code: 'M2_ERR_MODEL_INVALID' }]);
  });

  it('oneOf keeps the literal type and names what it got', () => {
    const kind = oneOf(['a', 'b'] as const, ModelErr.TARGET, 'kind must be a or b');
    const v: 'a' | 'b' = kind.parse('a');
    expect(v).toBe('a');
    expect(fields(kind, 'c')).toEqual([{ path: '', message: "kind must be a or b, not 'c'", code: 'M2_ERR_MODEL_TARGET' }]);
    expect(fields(kind, 3)[0]?.message).toBe('kind must be a or b, not 3');
    expect(fields(kind, undefined)[0]?.message).toBe('kind must be a or b, not nothing');
  });

  it('quoted cuts long text', () => {
    expect(quoted('abc')).toBe("'abc'");
    expect(quoted('x'.repeat(100))).toBe(`'${'x'.repeat(57)}...'`);
  });

  it('every code is M2_ERR_MODEL_ plus its name', () => {
    for (const [name, code] of Object.entries(ModelErr)) expect(code).toBe(`M2_ERR_MODEL_${name}`);
  });
});
