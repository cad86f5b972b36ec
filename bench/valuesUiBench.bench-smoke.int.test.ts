import { describe, expect, it } from 'vitest';
import { runValuesUiBench } from './valuesUiBench';

// The big-values UI benchmark end to end on 2 MB values (needs `npm run build` and Chromium,
// like the e2e tests). Nothing about speed is asserted, only that it measures every phase.
describe('values UI benchmark (smoke)', () => {
  it('opens, loads whole, scrolls and saves a text and a binary value', async () => {
    const metrics = await runValuesUiBench({ mb: 2 });
    expect(metrics.map((m) => m.metric)).toEqual([
      expect.stringMatching(/^longest renderer task, opening 2 MB text \(its first 1 MB\)/),
      '2 MB text: "Load whole value" click to the value on screen',
      expect.stringMatching(/^longest renderer task, loading 2 MB text whole/),
      expect.stringMatching(/^longest renderer task, scrolling 2 MB text/),
      '2 MB text: Ctrl+S to "Saved"',
      expect.stringMatching(/^longest renderer task, saving 2 MB text/),
      expect.stringMatching(/^longest renderer task, opening 2 MB binary \(its first 1 MB\)/),
      '2 MB binary: "Load whole value" click to the value on screen',
      expect.stringMatching(/^longest renderer task, loading 2 MB binary whole/),
      expect.stringMatching(/^longest renderer task, scrolling 2 MB binary/),
    ]);
    for (const m of metrics) expect(Number.isFinite(m.value)).toBe(true);
  });
});
