// OperationArgs: what a generated operation function takes, from the spec's types.
import { describe, expectTypeOf, it } from 'vitest';
import type { OperationArgs } from '../src/index.js';
import type { operations } from './generated/types.gen.js';

describe('OperationArgs', () => {
  it('takes path parameters by name, and query when the operation has one', () => {
    expectTypeOf<OperationArgs<operations['getSession']>>().toEqualTypeOf<{
      id: string;
      query?: { view?: 'short' | 'full' };
    }>();
  });

  it('takes a required body in its media type, and nothing else', () => {
    expectTypeOf<OperationArgs<operations['issue']>>().toEqualTypeOf<{ body: string }>();
    expectTypeOf<OperationArgs<operations['createSession']>>().toEqualTypeOf<{
      body: { name: string };
    }>();
  });

  it('refuses a misspelt or missing path parameter', () => {
    // @ts-expect-error `ID` is not the spec's name
    const wrong: OperationArgs<operations['getSession']> = { ID: 's1' };
    // @ts-expect-error the path parameter is required
    const missing: OperationArgs<operations['getSession']> = {};
    void wrong;
    void missing;
  });
});
