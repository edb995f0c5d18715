/**
 * `npm run eval:names`: measure the person name search on the labelled pairs
 * in server/src/modules/search/names/eval/name-pairs.csv (see run-eval.ts).
 *
 * Prints recall@10 of our ranking and of plain pg_trgm similarity, their
 * ratio, the false-match rate on hard negatives, per-category recall, the
 * misses, and how many names per second `nameIndexFields` computes. Exits 1
 * when a goal of issue 6 is missed: recall@10 ≥ 0.95 and ≥ 1.3× the baseline.
 *
 * Options: --distractors N (default 5000), --seed N, --verbose (list every miss), --memory (the
 * library SQL on a bare in-memory table instead of the people API search).
 */
import { nameIndexFields } from '../server/src/modules/search/names/fields.js';
import { MATCH_THRESHOLD } from '../server/src/modules/search/names/score.js';
import { generateDistractors } from '../server/src/modules/search/names/eval/distractors.js';
import { loadPairs, runNameEval, type PairResult } from '../server/src/modules/search/names/eval/run-eval.js';
import { peopleEvalBackend } from '../server/src/modules/people/eval-backend.js';

const GOAL_RECALL = 0.95;
const GOAL_RATIO = 1.3;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) ? v : fallback;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/**
 * Names per second for nameIndexFields over a realistic mix of names (a fifth
 * in Devanagari), by wall clock and by this process's CPU time. The CPU figure
 * is the steadier one on a shared machine.
 */
function measureSpeed(): { wallPerSecond: number; cpuPerSecond: number; names: number } {
  const sample = [...generateDistractors(20_000, 7).map((d) => d.name), ...loadPairs().flatMap((p) => [p.query, p.target])];
  for (const n of sample) nameIndexFields(n); // warm up the JIT
  let sink = 0;
  const rounds = 5;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const n of sample) sink += nameIndexFields(n).keys.length;
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (sink < 0) console.log(sink);
  const names = sample.length * rounds;
  return { wallPerSecond: names / (ms / 1000), cpuPerSecond: names / ((cpu.user + cpu.system) / 1e6), names };
}

function describe(r: PairResult): string {
  const rank = (x: number | null): string => (x === null ? '—' : `#${x}`);
  return `  ${r.pair.query}  →  ${r.pair.target}   ours ${rank(r.oursRank)} (score ${r.oursScore.toFixed(2)}), pg_trgm ${rank(r.baselineRank)}   [${r.pair.note}]`;
}

async function main(): Promise<void> {
  const distractors = arg('distractors', 5000);
  const verbose = process.argv.includes('--verbose');
  const pairs = loadPairs();
  // By default the search under test is the API's (people module tables and runPersonSearch);
  // --memory measures the library's SQL on a bare table instead.
  const backend = process.argv.includes('--memory') ? undefined : peopleEvalBackend;
  const report = await runNameEval({ pairs, distractors, seed: arg('seed', 20240701), backend });

  console.log(
    `Name search evaluation: ${report.same} same pairs, ${report.different} hard negatives, ${report.rows} rows (${distractors} distractors)\nsearch under test: ${report.backend}\n`,
  );
  console.log(
    `recall@10    ours ${report.oursRecall10.toFixed(3)}   pg_trgm baseline ${report.baselineRecall10.toFixed(3)}   ratio ${report.ratio.toFixed(2)}×`,
  );
  console.log(`recall@10 with candidates fetched by phonetic keys only (no trigram arm): ${report.keysOnlyRecall10.toFixed(3)}`);
  console.log(`match threshold ${MATCH_THRESHOLD}: recall ${report.oursRecallAtThreshold.toFixed(3)} of same pairs score above it`);
  console.log(
    `false matches (hard negatives): above threshold ${pct(report.oursFalseAtThreshold)}; ` +
      `in top 10 ours ${pct(report.oursFalseTop10)}, pg_trgm ${pct(report.baselineFalseTop10)}`,
  );
  console.log(`ours: ${report.oursMsPerQuery.toFixed(1)} ms per ranked query on PGlite\n`);

  console.log('score threshold   same pairs above   hard negatives above');
  for (const t of report.sweep) {
    const mark = t.threshold === MATCH_THRESHOLD ? '  ← MATCH_THRESHOLD' : '';
    console.log(`  ${t.threshold.toFixed(2)}            ${pct(t.recall).padStart(6)}             ${pct(t.falseMatch).padStart(6)}${mark}`);
  }
  console.log('');

  console.log('recall@10 by kind of variant (ours / pg_trgm):');
  for (const c of report.byCategory) {
    console.log(`  ${c.category.padEnd(12)} n=${String(c.n).padStart(3)}   ${c.ours.toFixed(2)} / ${c.baseline.toFixed(2)}`);
  }

  const misses = report.results.filter((r) => r.pair.label === 'same' && r.oursRank === null);
  console.log(`\nmissed 'same' pairs (${misses.length}):`);
  for (const r of misses) console.log(describe(r));
  const falses = report.results.filter((r) => r.pair.label === 'different' && r.oursScore >= MATCH_THRESHOLD);
  console.log(`\nhard negatives scoring ≥ ${MATCH_THRESHOLD} (${falses.length}):`);
  for (const r of verbose ? falses : falses.slice(0, 15)) console.log(describe(r));
  if (!verbose && falses.length > 15) console.log(`  … ${falses.length - 15} more (--verbose)`);

  const speed = measureSpeed();
  const rate = (x: number): string => Math.round(x).toLocaleString('en-US');
  console.log(
    `\nnameIndexFields: ${rate(speed.cpuPerSecond)} names per CPU-second, ${rate(speed.wallPerSecond)} names/s wall clock ` +
      `(${rate(speed.names)} names, one thread)`,
  );

  const problems: string[] = [];
  if (report.oursRecall10 < GOAL_RECALL) problems.push(`recall@10 ${report.oursRecall10.toFixed(3)} < ${GOAL_RECALL}`);
  if (report.ratio < GOAL_RATIO) problems.push(`ratio ${report.ratio.toFixed(2)} < ${GOAL_RATIO}`);
  if (problems.length > 0) {
    console.error(`\nGOAL MISSED: ${problems.join('; ')}`);
    process.exitCode = 1;
  } else {
    console.log(`\ngoals met: recall@10 ≥ ${GOAL_RECALL} and ≥ ${GOAL_RATIO}× pg_trgm`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
