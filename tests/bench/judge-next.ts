// judge_next_p95_ms.slow3g: a judge in Chromium scores an entry's last criterion with the
// keyboard and the next entry (its title and its picture) is on screen. The network is throttled
// like a slow 3G phone (≈400 kbit/s, 400 ms round trips, data-saver off) from the moment the
// round page has loaded: the next entry must already be in the browser, and the save must not
// hold the switch up. Between entries the judge looks at the picture until the network is quiet
// (a real judge looks far longer than that).
//   NEXT_RUNS (12): entries judged after one warm-up entry; the figure is the 95th percentile.
//   NEXT_TRACE=<file.json>: a Chromium trace (and CPU profile) of the warm-up entry's keys,
//     summarised on the console (tests/bench/trace.ts).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { createSession } from '../../src/lib/server/auth/session.ts';
import { parseConfig } from '../../src/lib/server/config.ts';
import { createDatabase } from '../../src/lib/server/db/database.ts';
import { DEMO_JUDGES } from '../../src/lib/server/demo/seed-judging.ts';
import { startBenchServer } from './bench-server.ts';
import { traceAction } from './trace.ts';
import { percentile, median, type Figure } from './report.ts';

const RUNS = Number(process.env.NEXT_RUNS ?? 12);
const CHROMIUM = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']
};

/**
 * The page's requests in flight, counted from before it loads: a wait for a quiet network
 * that only heard of requests started after it began would miss the pictures the page
 * fetches ahead right after it starts (slow on 3G), and time a key press against them.
 */
function trackRequests(page: Page) {
	const inFlight = new Set<unknown>();
	let last = Date.now();
	page.on('request', (r) => (inFlight.add(r), (last = Date.now())));
	const done = (r: unknown) => (inFlight.delete(r), (last = Date.now()));
	page.on('requestfinished', done);
	page.on('requestfailed', done);
	/** Resolves once no request has been in flight for `quiet` ms (or after `cap` ms). */
	return async function networkQuiet(quiet = 600, cap = 30_000): Promise<number> {
		const start = Date.now();
		const deadline = start + cap;
		// Give the page a frame to start what it fetches after the switch.
		await page.waitForTimeout(100);
		while (Date.now() < deadline && (inFlight.size > 0 || Date.now() - last < quiet))
			await page.waitForTimeout(50);
		return Date.now() - start;
	};
}

export async function measureJudgeNext(root: string): Promise<Figure> {
	const server = await startBenchServer(root);
	const env = {
		...process.env,
		DATABASE_URL: `sqlite:${server.databaseFile}`,
		STORAGE_DIR: path.join(path.dirname(server.databaseFile), 'objects'),
		S3_ENDPOINT: '',
		S3_BUCKET: ''
	};
	const seeded = spawnSync(process.execPath, ['src/cli/demo-judging.ts', String(RUNS + 5)], {
		cwd: root,
		env,
		encoding: 'utf8'
	});
	if (seeded.status !== 0) throw new Error(`judging demo seed failed:\n${seeded.stderr}`);
	const db = createDatabase(parseConfig({ DATABASE_URL: env.DATABASE_URL }).database);
	const browser = await chromium.launch(CHROMIUM);
	try {
		const judge = await db
			.selectFrom('app_user')
			.innerJoin('round_judge', 'round_judge.user_id', 'app_user.id')
			.select(['app_user.id', 'round_judge.round_id'])
			.where('app_user.email', '=', DEMO_JUDGES[0]!.email)
			.executeTakeFirstOrThrow();
		const { token } = await createSession(db, { kind: 'adult', userId: judge.id });
		const context = await browser.newContext({
			viewport: { width: 390, height: 844 },
			locale: 'zh-CN'
		});
		await context.addCookies([{ name: 'sprout_session', value: token, url: server.origin }]);
		// The key press is stamped before the page's own handler runs.
		await context.addInitScript(() => {
			addEventListener(
				'keydown',
				() => ((window as unknown as { __keyAt: number }).__keyAt = performance.now()),
				true
			);
		});
		const page = await context.newPage();
		const networkQuiet = trackRequests(page);
		await page.goto(`${server.origin}/judge/rounds/${judge.round_id}`, { waitUntil: 'load' });
		await page.evaluate(() => localStorage.setItem('sprout.judge.dataSaver', '0'));
		await page.reload({ waitUntil: 'load' });
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.emulateNetworkConditions', {
			offline: false,
			latency: 400,
			downloadThroughput: 400_000 / 8,
			uploadThroughput: 400_000 / 8
		});
		const criteria = await page.locator('.panel fieldset').count();
		if (process.env.NEXT_DEBUG) {
			await page.screenshot({ path: '/tmp/jperf/next-0.png' });
			console.log('criteria', criteria, await page.locator('#entry-title').textContent());
		}
		const waited: number[] = [];
		// One entry the way the measured ones go: key press → next entry on screen.
		const judgeOne = async (): Promise<number> => {
			waited.push(await networkQuiet());
			// The handle, not the title: two children may give their works the same title.
			const before = await page.locator('.panel .handle').textContent();
			// Every criterion but the last, then the last one, which finishes the entry.
			for (let c = 0; c < Math.max(1, criteria) - 1; c++) await page.keyboard.press('7');
			await page.keyboard.press('7');
			return page.evaluate(
				(previous) =>
					new Promise<number>((resolve, reject) => {
						const started = performance.now();
						const check = (at: number) => {
							const title = document.querySelector('.panel .handle')?.textContent;
							const img = document.querySelector<HTMLImageElement>('.viewer img');
							if (
								title !== previous &&
								img?.complete &&
								img.naturalWidth > 0 &&
								img.currentSrc.endsWith(img.getAttribute('src') ?? '')
							)
								return resolve(at - (window as unknown as { __keyAt: number }).__keyAt);
							if (performance.now() - started > 30_000) return reject(new Error('no next entry'));
							requestAnimationFrame(check);
						};
						requestAnimationFrame(check);
					}),
				before
			);
		};
		// A warm-up entry first, as every bench here warms up: V8 compiles the key handler, the
		// save and the switch on first use. It is reported in the note, so a first press a judge
		// would feel still shows.
		const traceFile = process.env.NEXT_TRACE?.trim();
		let warmUp = 0;
		if (traceFile)
			console.log(
				await traceAction(cdp, traceFile, async () => {
					warmUp = await judgeOne();
				})
			);
		else warmUp = await judgeOne();
		const times: number[] = [];
		for (let run = 0; run < RUNS; run++) times.push(await judgeOne());
		await context.close();
		console.log(
			`judge next: warm-up ${Math.round(warmUp)} ms, then ${times.map((t) => Math.round(t)).join(', ')} ms; ` +
				`waited for a quiet network ${waited.join(', ')} ms`
		);
		return {
			id: 'judge_next_p95_ms.slow3g',
			value: Math.round(percentile(times, 95) * 10) / 10,
			unit: 'ms',
			target: '<= 150',
			note: `${times.length} entries after a warm-up entry (${Math.round(warmUp)} ms), median ${median(times).toFixed(0)} ms, 390×844, ${criteria} criteria`
		};
	} finally {
		await browser.close();
		await db.destroy();
		await server.stop();
	}
}
