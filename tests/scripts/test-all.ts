// `npm test`: static checks, unit + integration tests (vitest), build, browser tests (Playwright).
// Every step runs even when an earlier one failed, so the summary is complete. The last line of
// output is always `N passed, N failed[, N skipped]`, summed from the JSON reporters; CI reads it.
//
//   npm test                         everything
//   npm test -- --only unit          a subset: static | unit | integration | e2e
//   npm test -- --only unit,integration   (or repeat --only)
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres.ts';

const root = path.resolve(import.meta.dirname, '../..');
process.chdir(root);

const GROUPS = ['static', 'unit', 'integration', 'e2e'] as const;
type Group = (typeof GROUPS)[number];

interface StepResult {
	name: string;
	passed: number;
	failed: number;
	skipped: number;
	seconds: number;
	/** Names of failed (or flaky) tests, printed under the table. */
	failures: string[];
	flaky: string[];
}

function usage(message?: string): never {
	if (message) console.error(message);
	console.error(`Usage: node tests/scripts/test-all.ts [--only ${GROUPS.join('|')}]...`);
	process.exit(2);
}

function parseArgs(argv: string[]): Set<Group> {
	const picked: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--help' || arg === '-h') usage();
		if (arg === '--only') {
			const value = argv[++i];
			if (!value) usage('--only needs a value');
			picked.push(...value.split(','));
		} else if (arg.startsWith('--only=')) {
			picked.push(...arg.slice('--only='.length).split(','));
		} else {
			usage(`Unknown argument: ${arg}`);
		}
	}
	for (const name of picked) {
		if (!(GROUPS as readonly string[]).includes(name)) usage(`Unknown group: ${name}`);
	}
	return new Set((picked.length ? picked : GROUPS) as Group[]);
}

const selected = parseArgs(process.argv.slice(2));

/** A local dev dependency's binary. `--no`: never download; `--`: the rest is its arguments. */
const npx = (...args: string[]) => ['npx', '--no', '--', ...args];
const results: StepResult[] = [];

function header(title: string, command: string[]): void {
	console.log(`\n━━━ ${title}: ${command.join(' ')}`);
}

/** Runs a command with inherited stdio; resolves with its exit code and duration. */
function run(command: string[]): Promise<{ code: number; seconds: number }> {
	const started = performance.now();
	return new Promise((resolve) => {
		const child = spawn(command[0]!, command.slice(1), { stdio: 'inherit' });
		const done = (code: number) => resolve({ code, seconds: (performance.now() - started) / 1000 });
		child.on('error', (err) => {
			console.error(`could not run ${command[0]}: ${err.message}`);
			done(127);
		});
		child.on('close', (code, signal) => done(code ?? (signal ? 128 : 1)));
	});
}

function readJson(file: string): unknown {
	if (!existsSync(file)) return undefined;
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch (err) {
		console.error(`could not parse ${file}: ${err instanceof Error ? err.message : err}`);
		return undefined;
	}
}

function emptyResult(name: string, seconds: number): StepResult {
	return { name, passed: 0, failed: 0, skipped: 0, seconds, failures: [], flaky: [] };
}

/** A step that is one test: passes when the command exits 0. */
async function check(name: string, command: string[]): Promise<boolean> {
	header(name, command);
	const { code, seconds } = await run(command);
	const result = emptyResult(name, seconds);
	if (code === 0) result.passed = 1;
	else {
		result.failed = 1;
		result.failures.push(`exit code ${code}`);
	}
	results.push(result);
	return code === 0;
}

interface VitestReport {
	numPassedTests?: number;
	numFailedTests?: number;
	numPendingTests?: number;
	numTodoTests?: number;
	success?: boolean;
	testResults?: {
		name: string;
		status: string;
		message?: string;
		assertionResults?: { fullName: string; status: string }[];
	}[];
}

async function vitest(projects: Group[]): Promise<void> {
	const name = `vitest ${projects.join('+')}`;
	const report = '.reports/vitest.json';
	const projectArgs = projects.length === 1 ? ['--project', projects[0]!] : [];
	const command = npx(
		'vitest',
		'run',
		...projectArgs,
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${report}`
	);
	rmSync(report, { force: true });
	header(name, command);
	const { code, seconds } = await run(command);
	const result = emptyResult(name, seconds);
	const json = readJson(report) as VitestReport | undefined;
	if (json) {
		result.passed = json.numPassedTests ?? 0;
		result.failed = json.numFailedTests ?? 0;
		result.skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
		for (const file of json.testResults ?? []) {
			const relative = path.relative(root, file.name);
			// Each integration test runs "on sqlite" and "on postgres": without PostgreSQL, every
			// sqlite test stands for a PostgreSQL one that did not run.
			if (postgresMissing && relative.startsWith('tests/integration/'))
				result.skipped += (file.assertionResults ?? []).filter((t) =>
					t.fullName.includes(' on sqlite ')
				).length;
			const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
			for (const test of failedTests) result.failures.push(`${relative} > ${test.fullName}`);
			// A file that failed to load or whose hooks threw has no failed test of its own.
			if (file.status === 'failed' && failedTests.length === 0) {
				result.failed += 1;
				result.failures.push(`${relative} (${file.message || 'file failed'})`);
			}
		}
	}
	if (!json || ((json.success === false || code !== 0) && result.failed === 0)) {
		result.failed += 1;
		result.failures.push(
			json ? `vitest run (exit code ${code})` : `vitest run (no ${report}; exit code ${code})`
		);
	}
	results.push(result);
}

interface PlaywrightSpec {
	title: string;
	file: string;
	line: number;
	tests: { projectName: string; status: string }[];
}
interface PlaywrightSuite {
	title: string;
	specs?: PlaywrightSpec[];
	suites?: PlaywrightSuite[];
}
interface PlaywrightReport {
	suites?: PlaywrightSuite[];
	errors?: { message?: string }[];
	stats?: { expected: number; unexpected: number; flaky: number; skipped: number };
}

function* playwrightTests(
	suites: PlaywrightSuite[],
	titles: string[] = []
): Generator<{ title: string; status: string }> {
	for (const suite of suites) {
		const titlePath = suite.title ? [...titles, suite.title] : titles;
		for (const spec of suite.specs ?? []) {
			for (const test of spec.tests) {
				const title = [`[${test.projectName}]`, ...titlePath, spec.title].join(' > ');
				yield { title: `${title} (${spec.file}:${spec.line})`, status: test.status };
			}
		}
		yield* playwrightTests(suite.suites ?? [], titlePath);
	}
}

async function playwright(): Promise<void> {
	const name = 'e2e (playwright)';
	const report = '.reports/playwright.json';
	const command = npx('playwright', 'test');
	rmSync(report, { force: true });
	header(name, command);
	const { code, seconds } = await run(command);
	const result = emptyResult(name, seconds);
	const json = readJson(report) as PlaywrightReport | undefined;
	if (json?.stats) {
		result.passed = json.stats.expected + json.stats.flaky;
		result.failed = json.stats.unexpected;
		result.skipped = json.stats.skipped;
		for (const test of playwrightTests(json.suites ?? [])) {
			if (test.status === 'unexpected') result.failures.push(test.title);
			if (test.status === 'flaky') result.flaky.push(test.title);
		}
		// Errors outside any test: web server did not start, a spec file failed to load, …
		for (const error of json.errors ?? []) {
			result.failures.push(`playwright: ${(error.message ?? 'error').split('\n')[0]}`);
		}
		if (result.failed === 0 && (code !== 0 || (json.errors ?? []).length > 0)) {
			result.failed = 1;
			if (!json.errors?.length) result.failures.push(`playwright (exit code ${code})`);
		}
	} else {
		result.failed = 1;
		result.failures.push(`playwright (no ${report}; exit code ${code})`);
	}
	results.push(result);
}

// Integration tests run on SQLite and PostgreSQL. Without TEST_DATABASE_URL (a fresh machine),
// a throwaway PostgreSQL is started for this run; if that is impossible the PostgreSQL tests
// do not run and are counted as skipped, never silently dropped.
let throwaway: ThrowawayPostgres | null = null;
let postgresMissing: string | null = null;
if (selected.has('integration') && !process.env.TEST_DATABASE_URL?.trim()) {
	const started = startThrowawayPostgres();
	if ('error' in started) postgresMissing = started.error;
	else {
		throwaway = started;
		process.env.TEST_DATABASE_URL = started.url;
		console.log(`PostgreSQL for this run: a throwaway server (${started.url})`);
		for (const signal of ['SIGINT', 'SIGTERM'] as const)
			process.once(signal, () => {
				throwaway?.stop();
				process.exit(130);
			});
		process.once('exit', () => throwaway?.stop());
	}
}
const needsPostgresWarning = postgresMissing !== null;
const postgresWarning = [
	'',
	'!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
	`!!  PostgreSQL tests NOT run (counted as skipped): ${postgresMissing ?? ''}.`,
	'!!  Install PostgreSQL (apt install postgresql) or set TEST_DATABASE_URL=postgresql://…',
	'!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
	''
].join('\n');
if (needsPostgresWarning) console.warn(postgresWarning);

const startedAt = performance.now();

// Setup, not counted: generates .svelte-kit/ (tsconfig, types) that every later step reads.
const syncCommand = npx('svelte-kit', 'sync');
header('setup', syncCommand);
const sync = await run(syncCommand);
if (sync.code !== 0) console.error(`svelte-kit sync failed (exit code ${sync.code}); continuing.`);

if (selected.has('static')) {
	await check(
		'check:types',
		npx('svelte-check', '--tsconfig', './tsconfig.json', '--threshold', 'error')
	);
	await check('check:lint', npx('eslint', '.'));
	await check('check:format', npx('prettier', '--check', '.'));
}

const vitestProjects = (['unit', 'integration'] as const).filter((g) => selected.has(g));
if (vitestProjects.length) await vitest(vitestProjects);
throwaway?.stop();

if (selected.has('e2e')) {
	// The browser tests run against the built server, so the build comes first.
	const built = await check('build', ['npm', 'run', 'build']);
	if (built) await playwright();
	else {
		const skipped = emptyResult('e2e (playwright)', 0);
		skipped.failed = 1;
		skipped.failures.push('e2e not run: the build failed');
		results.push(skipped);
	}
}

// ── Summary ──────────────────────────────────────────────────────────────────────────────────
const total = { passed: 0, failed: 0, skipped: 0 };
for (const r of results) {
	total.passed += r.passed;
	total.failed += r.failed;
	total.skipped += r.skipped;
}

const rows = [
	['step', 'passed', 'failed', 'skipped', 'time'],
	...results.map((r) => [
		r.name,
		String(r.passed),
		String(r.failed),
		String(r.skipped),
		`${r.seconds.toFixed(1)}s`
	]),
	[
		'total',
		String(total.passed),
		String(total.failed),
		String(total.skipped),
		`${((performance.now() - startedAt) / 1000).toFixed(1)}s`
	]
];
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
const line = (row: string[]) =>
	row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
const rule = widths.map((w) => '─'.repeat(w)).join('  ');

const out: string[] = ['', 'Summary', rule, line(rows[0]!), rule];
for (const row of rows.slice(1, -1)) out.push(line(row));
out.push(rule, line(rows.at(-1)!), '');

const failures = results.flatMap((r) => r.failures.map((f) => `  ✗ ${r.name}: ${f}`));
if (failures.length) out.push('Failed:', ...failures, '');
const flaky = results.flatMap((r) => r.flaky.map((f) => `  ~ ${r.name}: ${f}`));
if (flaky.length) out.push('Flaky (passed on retry, counted as passed):', ...flaky, '');
if (needsPostgresWarning) out.push(postgresWarning);

out.push(
	`${total.passed} passed, ${total.failed} failed` +
		(total.skipped > 0 ? `, ${total.skipped} skipped` : '')
);
process.stdout.write(out.join('\n') + '\n');
process.exitCode = total.failed > 0 ? 1 : 0;
