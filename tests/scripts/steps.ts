// The steps `npm test` and `npm run test:faults` are made of, and their summary. Each step's
// counts come from the JSON reporters, so the last line `N passed, N failed[, N skipped]` is
// summed from what really ran; CI reads it.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

export interface StepResult {
	name: string;
	passed: number;
	failed: number;
	skipped: number;
	seconds: number;
	/** Names of failed (or flaky) tests, printed under the table. */
	failures: string[];
	flaky: string[];
}

/** A local dev dependency's binary. `--no`: never download; `--`: the rest is its arguments. */
export const npx = (...args: string[]) => ['npx', '--no', '--', ...args];

export function header(title: string, command: string[]): void {
	console.log(`\n━━━ ${title}: ${command.join(' ')}`);
}

/** Runs a command with inherited stdio; resolves with its exit code and duration. */
export function run(
	command: string[],
	env: NodeJS.ProcessEnv = process.env
): Promise<{ code: number; seconds: number }> {
	const started = performance.now();
	return new Promise((resolve) => {
		const child = spawn(command[0]!, command.slice(1), { stdio: 'inherit', env });
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

export function emptyResult(name: string, seconds: number): StepResult {
	return { name, passed: 0, failed: 0, skipped: 0, seconds, failures: [], flaky: [] };
}

/** A step that is one test: passes when the command exits 0. */
export async function check(
	results: StepResult[],
	name: string,
	command: string[]
): Promise<boolean> {
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

export interface VitestOptions {
	env?: NodeJS.ProcessEnv;
	/**
	 * Without PostgreSQL, the tests that stand for a PostgreSQL twin that did not run (its SQLite
	 * run, e.g. "… on sqlite …"): each is counted once more as skipped.
	 */
	postgresTwin?: (relativeFile: string, fullName: string) => boolean;
}

export async function vitest(
	results: StepResult[],
	name: string,
	args: string[],
	options: VitestOptions = {}
): Promise<void> {
	const report = '.reports/vitest.json';
	const command = npx(
		'vitest',
		'run',
		...args,
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${report}`
	);
	rmSync(report, { force: true });
	header(name, command);
	const { code, seconds } = await run(command, options.env);
	const result = emptyResult(name, seconds);
	const json = readJson(report) as VitestReport | undefined;
	if (json) {
		result.passed = json.numPassedTests ?? 0;
		result.failed = json.numFailedTests ?? 0;
		result.skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
		for (const file of json.testResults ?? []) {
			const relative = path.relative(root, file.name);
			if (options.postgresTwin)
				result.skipped += (file.assertionResults ?? []).filter((t) =>
					options.postgresTwin!(relative, t.fullName)
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

/** `playwright test` (plus `args`, e.g. spec files); playwright.config.ts writes the report. */
export async function playwright(results: StepResult[], args: string[] = []): Promise<void> {
	const name = 'e2e (playwright)';
	const report = '.reports/playwright.json';
	const command = npx('playwright', 'test', ...args);
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

/** Builds, then the browser tests; a failed build counts as one failure, not as silence. */
export async function buildThenPlaywright(results: StepResult[], args: string[] = []) {
	const built = await check(results, 'build', ['npm', 'run', 'build']);
	if (built) await playwright(results, args);
	else {
		const skipped = emptyResult('e2e (playwright)', 0);
		skipped.failed = 1;
		skipped.failures.push('e2e not run: the build failed');
		results.push(skipped);
	}
}

/** Prints the table and the last line; sets the exit code. */
export function summarise(results: StepResult[], startedAt: number, warning?: string): void {
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
		row
			.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
			.join('  ');
	const rule = widths.map((w) => '─'.repeat(w)).join('  ');

	const out: string[] = ['', 'Summary', rule, line(rows[0]!), rule];
	for (const row of rows.slice(1, -1)) out.push(line(row));
	out.push(rule, line(rows.at(-1)!), '');

	const failures = results.flatMap((r) => r.failures.map((f) => `  ✗ ${r.name}: ${f}`));
	if (failures.length) out.push('Failed:', ...failures, '');
	const flaky = results.flatMap((r) => r.flaky.map((f) => `  ~ ${r.name}: ${f}`));
	if (flaky.length) out.push('Flaky (passed on retry, counted as passed):', ...flaky, '');
	if (warning) out.push(warning);

	out.push(
		`${total.passed} passed, ${total.failed} failed` +
			(total.skipped > 0 ? `, ${total.skipped} skipped` : '')
	);
	process.stdout.write(out.join('\n') + '\n');
	process.exitCode = total.failed > 0 ? 1 : 0;
}
