import { run as appealRouting } from './appeal-routing';
import { run as appealStats } from './appeal-stats';
import { run as appealSubmit } from './appeal-submit';
import { run as buildingImport } from './building-import';
import { run as buildingSearch } from './building-search';
import { run as coldStart } from './cold-start';
import { run as httpThroughput } from './http-throughput';
import { run as policyEvaluator } from './policy-evaluator';
import { run as policyPush } from './policy-push';
import { run as policySearch } from './policy-search';
import { run as search } from './search';
import { type BenchReport, formatTable, log, machineInfo, saveResults } from './support';

/**
 * `npm run bench`: every benchmark in sequence (never in parallel: they would measure each other), then one
 * summary table. Each benchmark can also run alone, e.g. `npx tsx bench/http-throughput.ts`.
 * Exit code 1 only when a benchmark could not run; a missed target shows as FAIL in the table.
 */
const machine = machineInfo();
log(`Qifu benchmarks — node ${machine.node}, ${machine.cpu}, ${machine.memoryGiB} GiB, ${machine.platform}`);

const reports: BenchReport[] = [];
for (const bench of [
  httpThroughput,
  coldStart,
  policyEvaluator,
  policyPush,
  search,
  policySearch,
  appealRouting,
  buildingSearch,
  buildingImport,
  appealStats,
  appealSubmit,
])
  reports.push(await bench());

log('\n== summary ==\n');
log(formatTable(reports.flatMap((r) => r.rows)));
for (const r of reports) for (const note of r.notes) log(`  ${r.name}: ${note}`);
const file = saveResults('bench', { at: new Date().toISOString(), machine, reports });
log(`\nresults saved to ${file}`);
const rows = reports.flatMap((r) => r.rows);
log(
  `bench: ${rows.filter((r) => r.verdict === 'PASS').length} PASS, ${rows.filter((r) => r.verdict === 'FAIL').length} FAIL, ${rows.filter((r) => r.verdict === 'ERROR').length} ERROR`,
);
if (rows.some((r) => r.verdict === 'ERROR')) process.exitCode = 1;
