// The codegen figures from hand-made samples: ratios are medians of per-block
// ratios, linearity is per-operation cost at 500 over that at 50, and a quick
// run (no 500) still names every figure.
import { describe, expect, it } from 'vitest';
import { figures, SIZES } from '../suites/codegen.mjs';

const real = { firstRunMs: 900, fiveWarm: [300, 320, 310], oneWarm: [100, 90, 95] };
/** Blocks where ours takes `factor`× openapi-typescript, and openapi-typescript `perOp` ms per operation. */
function samples(sizes: number[], perOp: (n: number) => number, factor: number[]) {
  return Object.fromEntries(
    sizes.flatMap((n) => [
      [`ours ${n}`, factor.map((f) => f * perOp(n) * n)],
      [`openapi-typescript ${n}`, factor.map(() => perOp(n) * n)],
    ]),
  );
}
const byName = (list: ReturnType<typeof figures>) => new Map(list.map((f) => [f.name, f]));

describe('codegen figures', () => {
  it('are the per-block medians; linearity 1 when the cost per operation is flat', () => {
    const out = byName(figures({ real, synthetic: samples(SIZES, () => 10, [2, 3, 4]) }));
    const big = out.get('codegen.synthetic.500.vs-openapi-typescript');
    expect(big).toMatchObject({ ratio: 3, goal: 1.5, met: false, value: 15_000, baseline: 5000 });
    expect(out.get('codegen.synthetic.50.vs-openapi-typescript')?.goal).toBeNull();
    expect(out.get('codegen.synthetic.linearity')).toMatchObject({
      ratio: 1,
      goal: 1.2,
      met: true,
    });
    expect(out.get('codegen.real.five-specs-warm')).toMatchObject({
      value: 310,
      goal: 3000,
      met: true,
    });
    expect(out.get('codegen.real.one-spec-warm')).toMatchObject({ value: 95, goal: null });
  });

  it('see a cost per operation that grows with the spec', () => {
    // Twice the cost per operation at 500 as at 50: not linear.
    const synthetic = samples(SIZES, (n) => (n >= 500 ? 20 : 10), [1, 1, 1]);
    const linearity = byName(figures({ real, synthetic })).get('codegen.synthetic.linearity');
    expect(linearity).toMatchObject({ ratio: 2, met: false });
  });

  it('name every figure in a quick run, the 500-operation ones null', () => {
    const out = figures(
      { real, synthetic: samples(SIZES.slice(0, -1), () => 10, [2]) },
      { quick: true },
    );
    expect(out.map((f) => f.name)).toEqual([
      'codegen.synthetic.5.vs-openapi-typescript',
      'codegen.synthetic.50.vs-openapi-typescript',
      'codegen.synthetic.500.vs-openapi-typescript',
      'codegen.synthetic.linearity',
      'codegen.real.five-specs-warm',
      'codegen.real.one-spec-warm',
    ]);
    const quick = byName(out);
    expect(quick.get('codegen.synthetic.500.vs-openapi-typescript')).toMatchObject({
      value: null,
      met: null,
    });
    expect(quick.get('codegen.synthetic.linearity')).toMatchObject({ ratio: null, met: null });
    expect(quick.get('codegen.synthetic.50.vs-openapi-typescript')?.ratio).toBe(2);
  });
});
