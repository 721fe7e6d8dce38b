import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AlertRule } from '@cbo/contracts';
import { validateRule } from '@cbo/alerts';

/** Rules read from a fixture folder, and what was wrong with the ones left out. */
export interface RuleFixtures {
  rules: AlertRule[];
  rejected: { file: string; index: number; reason: string }[];
}

/**
 * Reads every `*.json` of `dir` (each `{ rules: AlertRule[] }`, or a bare array), in file name order, and
 * validates each rule. Invalid rules and repeated ids are returned as data; a missing folder gives no rules.
 */
export async function readRuleFixtures(dir: string): Promise<RuleFixtures> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return { rules: [], rejected: [] };
  }
  const rules: AlertRule[] = [];
  const rejected: RuleFixtures['rejected'] = [];
  const seen = new Set<string>();
  for (const file of files) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(join(dir, file), 'utf8'));
    } catch (error) {
      rejected.push({ file, index: -1, reason: `not JSON: ${(error as Error).message}` });
      continue;
    }
    const list = Array.isArray(parsed) ? parsed : (parsed as { rules?: unknown }).rules;
    if (!Array.isArray(list)) {
      rejected.push({ file, index: -1, reason: 'expected { "rules": [...] } or an array' });
      continue;
    }
    list.forEach((input: unknown, index) => {
      const checked = validateRule(input);
      if ('errors' in checked) rejected.push({ file, index, reason: checked.errors.join('; ') });
      else if (seen.has(checked.rule.id))
        rejected.push({ file, index, reason: `rule id ${checked.rule.id} is used twice` });
      else {
        seen.add(checked.rule.id);
        rules.push(checked.rule);
      }
    });
  }
  return { rules, rejected };
}
