import { describe, expect, it } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { z } from 'zod';
import { ApiClientError } from '@m2/shared';
import { leftoverMessage, useFormErrors, validate } from './form-errors';

const schema = z.object({ name: z.string().min(1, 'name is required').max(3, 'name is too long').regex(/^a/, 'name starts with a') }).strict();

describe('validate', () => {
  it('keys each failure by path, first message per path, worded as the API would', () => {
    expect(validate(schema, { name: 'bbbb' })).toEqual({ name: 'name is too long' });
    expect(validate(schema, {})).toEqual({ name: 'name is required' });
    expect(validate(schema, { name: 'a', x: 1 })).toEqual({ x: 'x is not a field here' });
    expect(validate(schema, { name: 'a' })).toEqual({});
  });
});

describe('leftoverMessage', () => {
  const refusal = new ApiClientError(403, { code: 'M2_ERR_API_FORBIDDEN', message: 'needs the admin role' });
  const stale = new ApiClientError(409, { code: 'M2_ERR_API_STALE', message: 'setting 3 changed since you read it' });

  it('says what no shown field does, naming the path unless the message does', () => {
    expect(leftoverMessage({ name: 'bad', '': 'the body is wrong', port: 'out of range' }, ['name'], null)).toBe('the body is wrong; port: out of range');
    expect(leftoverMessage({ name: 'bad' }, ['name'], refusal)).toBeNull();
  });

  it("falls back to the refusal's own message when it named no field", () => {
    expect(leftoverMessage({}, ['name'], refusal)).toBe('needs the admin role');
    expect(leftoverMessage({}, ['name'], stale)).toBe('setting 3 changed since you read it');
    expect(leftoverMessage({}, ['name'], null)).toBeNull();
  });
});

describe('useFormErrors', () => {
  it("shows a failed check's errors over the API's until it passes, is cleared, or hides them all", () => {
    const { result } = renderHook(() => useFormErrors({ name: 'taken' }));
    expect(result.current).toMatchObject({ errors: { name: 'taken' }, fromClient: false });
    act(() => { expect(result.current.check({ name: 'name is required' })).toBe(false); });
    expect(result.current).toMatchObject({ errors: { name: 'name is required' }, fromClient: true });
    act(() => result.current.clear());
    expect(result.current).toMatchObject({ errors: { name: 'taken' }, fromClient: false });
    act(() => result.current.hide());
    expect(result.current).toMatchObject({ errors: {}, fromClient: true });
    act(() => { expect(result.current.check({})).toBe(true); });
    expect(result.current).toMatchObject({ errors: { name: 'taken' }, fromClient: false });
  });
});
