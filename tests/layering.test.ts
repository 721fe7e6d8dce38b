import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** Lints `code` as if it were the file at `filePath` and returns the rule ids that fired. */
async function rulesFiredFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? 'fatal');
}

describe('package boundaries (DESIGN.md section 3), enforced by lint', () => {
  it.each([
    [
      'a pure package reading the file system',
      'packages/indices/src/probe.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    ],
    [
      'a package importing an app',
      'packages/city/src/probe.ts',
      "import { buildApp } from '@cbo/server';\nexport const x = buildApp;\n",
    ],
    [
      'wire importing the simulator',
      'packages/wire/src/probe.ts',
      "import { createTrafficSim } from '@cbo/sim';\nexport const x = createTrafficSim;\n",
    ],
    [
      'the web app importing the server',
      'apps/web/src/probe.ts',
      "import { buildApp } from '@cbo/server';\nexport const x = buildApp;\n",
    ],
  ])('refuses %s', async (_name, filePath, code) => {
    expect(await rulesFiredFor(filePath, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['Date.now()', 'export const now = (): number => Date.now();\n'],
    ['Math.random()', 'export const pick = (): number => Math.random();\n'],
    ['a timer', 'export const later = (f: () => void): unknown => setTimeout(f, 1);\n'],
  ])('refuses %s in a pure package', async (_name, code) => {
    expect(await rulesFiredFor('packages/sim/src/probe.ts', code)).toContain('no-restricted-syntax');
  });

  it('allows the same calls in the server', async () => {
    expect(
      await rulesFiredFor('apps/server/src/probe.ts', 'export const now = (): number => Date.now();\n'),
    ).toEqual([]);
  });

  it('allows a pure package to import what its layer permits', async () => {
    const code =
      "import { ROAD_CLASSES } from '@cbo/contracts';\nimport type { City } from '@cbo/city';\nexport type C = City;\nexport const r = ROAD_CLASSES;\n";
    expect(await rulesFiredFor('packages/indices/src/probe.ts', code)).toEqual([]);
  });
});
