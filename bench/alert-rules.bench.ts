import { loadCity, resolveConfigPath } from '@cbo/server';
import { ALERT_SEGMENTS, alertRuleRows, measureAlertRules } from './alert-rules-scale';

/**
 * Rule evaluation per tick at scale, alone: 50,000 segments, 500 river gauges, 3,000 bike stations, 200 rules.
 * Run: `pnpm exec tsx bench/alert-rules.bench.ts` (`pnpm bench` prints the same rows in its table).
 */
const city = await loadCity(resolveConfigPath('fixtures/hangzhou'), ALERT_SEGMENTS);
const scale = measureAlertRules(city);
for (const row of alertRuleRows(scale)) process.stdout.write(`${row.metric}: ${row.value} ${row.goal}\n`);
process.stdout.write(`${scale.activeTracks} pending or firing (rule, entity) pairs\n`);
process.exit(0);
