// `npm run bench:gallery`: the gallery figures of /work/shared/BENCH.md into .bench/gallery.json.
//
// The built server (`npm run build` first) on a fresh SQLite database holding the exhibition demo
// (real drawn renditions) and a 10,000-entry exhibition whose entries share those renditions.
//   - autocannon, 50 connections: the grid page, an artwork page and a static file (baseline);
//   - Chromium at 390×844: first-load bytes (HTML + CSS + JS, gzip) and above-the-fold images;
//   - Chromium under slow 3G (400 kbit/s, 400 ms RTT), cold cache: Largest Contentful Paint;
//   - EXPLAIN plans of the grid, filter, pagination, facet and artwork queries on SQLite, and on
//     PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a database, whose schema
//     public it drops (the same data generator, then VACUUM ANALYZE); a plan that scans the
//     whole entry table counts in full_scans.<dialect>.
//
//   BENCH_SECONDS (10): duration of each autocannon run.  LCP_RUNS (3).
import { chromium } from '@playwright/test';
import autocannon from 'autocannon';
import { Kysely, PostgresDialect, SqliteDialect, sql, type CompiledQuery } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { parseConfig } from '../../src/lib/server/config.ts';
import { createDatabase, type Db } from '../../src/lib/server/db/database.ts';
import { migrateToLatest } from '../../src/lib/server/db/migrate.ts';
import type { Database } from '../../src/lib/server/db/schema.ts';
import { seedExhibitionDemo } from '../../src/lib/server/demo/seed-exhibition.ts';
import {
	artworkView,
	exhibitionGrid,
	parseGridQuery,
	schoolKey
} from '../../src/lib/server/exhibition/public.service.ts';
import { createLocalStore } from '../../src/lib/server/storage/local-store.ts';
import { startBenchServer } from './bench-server.ts';
import { BENCH_SLUG, seedLargeExhibition } from './gallery-data.ts';
import { median, printTable, writeReport, type Figure } from './report.ts';

const root = path.resolve(import.meta.dirname, '../..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const LCP_RUNS = Number(process.env.LCP_RUNS ?? 3);
const ENTRIES = 10_000;
const CHROMIUM = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']
};

async function load(url: string) {
	const result = await autocannon({ url, connections: 50, duration: SECONDS, timeout: 30 });
	// Let the server drain what is still queued before the next measurement.
	await new Promise((r) => setTimeout(r, 2000));
	return {
		rps: result.requests.average,
		p99: result.latency.p99,
		errors: result.errors + result.non2xx
	};
}

/** Every query a call makes, compiled, so the plans can be asked for the real SQL. */
async function captured(
	db: Kysely<Database>,
	log: CompiledQuery[],
	run: (db: Db) => Promise<unknown>
) {
	log.length = 0;
	await run(db as unknown as Db);
	return [...log];
}

/**
 * What the pages run, from their query strings: the grid service (exhibition, bands, filter
 * counts, the page's works, seek points of a deep page) and the artwork page's service
 * (the work, then its neighbours inside the filter). Counts are kept per public version as on
 * the server, so a later call prints only what it adds.
 */
function plannedCalls(contestId: string, handle: string, schoolId: string) {
	const grid = (search: string) => (db: Db) =>
		exhibitionGrid(db, BENCH_SLUG, parseGridQuery(new URLSearchParams(search)), 'zh-CN');
	return [
		['grid page 1 (winners first), with the filter counts', grid('')],
		['band filter', grid('band=1')],
		['award filter', grid('award=gold')],
		['school filter', grid(`school=${schoolKey(contestId, schoolId)}`)],
		['page 300, newest', grid('sort=newest&page=300')],
		[
			'artwork page',
			(db: Db) =>
				artworkView(db, BENCH_SLUG, handle, parseGridQuery(new URLSearchParams('')), 'zh-CN')
		]
	] as const;
}

async function sqlitePlans(file: string, contestId: string, handle: string, schoolId: string) {
	const sqlite = new SQLite(file, { readonly: true });
	const log: CompiledQuery[] = [];
	const db = new Kysely<Database>({
		dialect: new SqliteDialect({ database: sqlite }),
		log: (e) => void (e.level === 'query' && log.push(e.query))
	});
	const out: { name: string; plan: string[] }[] = [];
	let fullScans = 0;
	for (const [name, run] of plannedCalls(contestId, handle, schoolId)) {
		const queries = await captured(db, log, run);
		for (const [i, query] of queries.entries()) {
			const rows = sqlite
				.prepare(`explain query plan ${query.sql}`)
				.all(...(query.parameters as unknown[])) as { detail: string }[];
			const plan = rows.map((r) => r.detail);
			if (plan.some((d) => /^SCAN entry\b(?! USING)/.test(d))) fullScans++;
			out.push({ name: `${name} (${i + 1}/${queries.length})`, plan });
		}
	}
	await db.destroy();
	return { plans: out, fullScans };
}

async function postgresPlans(url: string, media: string[]) {
	const config = parseConfig({ DATABASE_URL: url }).database;
	const app = createDatabase(config);
	await sql`drop schema if exists public cascade`.execute(app);
	await sql`create schema public`.execute(app);
	await migrateToLatest(app);
	const { contestId, handles } = await seedLargeExhibition(app, media, ENTRIES);
	// What autovacuum does to a live database: statistics, and the visibility map without which
	// a freshly bulk-loaded table cannot be read from a covering index alone.
	await sql`vacuum analyze`.execute(app);
	const school = await app
		.selectFrom('school')
		.select('id')
		.where('name', '=', 'Bench school 1')
		.executeTakeFirstOrThrow();
	await app.destroy();
	const log: CompiledQuery[] = [];
	const pool = new pg.Pool({ connectionString: url, max: 2 });
	const db = new Kysely<Database>({
		dialect: new PostgresDialect({ pool }),
		log: (e) => void (e.level === 'query' && log.push(e.query))
	});
	const out: { name: string; plan: string[] }[] = [];
	let fullScans = 0;
	for (const [name, run] of plannedCalls(contestId, handles[5]!, school.id)) {
		const queries = await captured(db, log, run);
		for (const [i, query] of queries.entries()) {
			const result = await pool.query(
				`explain (analyze, costs off) ${query.sql}`,
				query.parameters as unknown[]
			);
			const plan = result.rows.map((r: Record<string, string>) => r['QUERY PLAN']!);
			if (plan.some((d) => /Seq Scan on entry\b/.test(d))) fullScans++;
			out.push({ name: `${name} (${i + 1}/${queries.length})`, plan });
		}
	}
	await db.destroy();
	return { plans: out, fullScans };
}

async function browserFigures(origin: string) {
	const browser = await chromium.launch(CHROMIUM);
	const figures: Figure[] = [];
	try {
		const context = await browser.newContext({
			viewport: { width: 390, height: 844 },
			locale: 'zh-CN'
		});
		const page = await context.newPage();
		await page.goto(`${origin}/exhibitions/${BENCH_SLUG}`, {
			waitUntil: 'networkidle',
			timeout: 120_000
		});
		const resources = await page.evaluate(() => {
			const entries = [
				...performance.getEntriesByType('navigation'),
				...performance.getEntriesByType('resource')
			] as PerformanceResourceTiming[];
			const visible = new Set(
				[...document.images]
					.filter((img) => img.complete && img.getBoundingClientRect().top < innerHeight)
					.map((img) => img.currentSrc)
			);
			return entries.map((e) => ({
				url: e.name,
				type: e.initiatorType,
				bytes: e.encodedBodySize,
				aboveFold: visible.has(e.name)
			}));
		});
		let firstLoad = 0;
		for (const r of resources) {
			if (!/\.(js|css)(\?|$)/.test(r.url) && r.type !== 'navigation') continue;
			const body = Buffer.from(await (await fetch(r.url)).arrayBuffer());
			firstLoad += gzipSync(body, { level: 6 }).length;
		}
		const images = resources.filter((r) => r.aboveFold).reduce((s, r) => s + r.bytes, 0);
		figures.push({
			id: 'first_load_kb',
			value: firstLoad / 1024,
			unit: 'KB',
			target: '<= 100',
			note: 'HTML + CSS + JS of the grid page, each gzip-compressed'
		});
		figures.push({
			id: 'above_fold_images_kb',
			value: images / 1024,
			unit: 'KB',
			target: '<= 300',
			note: `${resources.filter((r) => r.aboveFold).length} pictures in the first 390×844 screen`
		});
		await context.close();

		const lcps: number[] = [];
		for (let run = 0; run < LCP_RUNS; run++) {
			const cold = await browser.newContext({
				viewport: { width: 390, height: 844 },
				locale: 'zh-CN'
			});
			const p = await cold.newPage();
			const cdp = await cold.newCDPSession(p);
			await cdp.send('Network.enable');
			await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
			await cdp.send('Network.emulateNetworkConditions', {
				offline: false,
				latency: 400,
				downloadThroughput: 400_000 / 8,
				uploadThroughput: 400_000 / 8
			});
			await p.goto(`${origin}/exhibitions/${BENCH_SLUG}`, { waitUntil: 'load', timeout: 120_000 });
			const lcp = await p.evaluate(
				() =>
					new Promise<number>((resolve) => {
						let last = 0;
						new PerformanceObserver((list) => {
							for (const e of list.getEntries()) last = e.startTime;
						}).observe({ type: 'largest-contentful-paint', buffered: true });
						setTimeout(() => resolve(last), 1000);
					})
			);
			lcps.push(lcp);
			await cold.close();
		}
		figures.push({
			id: 'lcp_ms.slow3g',
			value: median(lcps),
			unit: 'ms',
			target: '<= 2500',
			note: `runs: ${lcps.map((v) => Math.round(v)).join(', ')}`
		});
	} finally {
		await browser.close();
	}
	return figures;
}

const server = await startBenchServer(root);
const figures: Figure[] = [];
const extra: Record<string, unknown> = {};
try {
	const dir = path.dirname(server.databaseFile);
	const db = createDatabase(
		parseConfig({ DATABASE_URL: `sqlite:${server.databaseFile}` }).database
	);
	await seedExhibitionDemo(
		{ db, store: createLocalStore(path.join(dir, 'objects')) },
		{ entries: 6 }
	);
	const media = (
		await db
			.selectFrom('entry')
			.select('media')
			.where('contest_id', '=', 'demoexhibitioncontest')
			.execute()
	).map((r) => r.media!);
	// No ANALYZE: the app never runs it on SQLite, so the plans measured are the ones it gets.
	const { contestId, handles } = await seedLargeExhibition(db, media, ENTRIES);
	const school = await db
		.selectFrom('school')
		.select('id')
		.where('name', '=', 'Bench school 1')
		.executeTakeFirstOrThrow();
	await db.destroy();

	// An artwork on the first page (winners first), as a visitor from the grid opens it.
	const first = await fetch(`${server.origin}/exhibitions/${BENCH_SLUG}`);
	const html = await first.text();
	const artwork = /href="(\/exhibitions\/bench-gallery\/[a-z0-9]{10})"/.exec(html)?.[1];
	if (!artwork) throw new Error('no artwork link on the grid page');

	// Warm up, then the static baseline, the grid and the artwork page in the same run.
	await autocannon({
		url: `${server.origin}/exhibitions/${BENCH_SLUG}`,
		connections: 10,
		duration: 2
	});
	const staticRun = await load(`${server.origin}/robots.txt`);
	const grid = await load(`${server.origin}/exhibitions/${BENCH_SLUG}`);
	const art = await load(`${server.origin}${artwork}`);
	console.log({ staticRun, grid, art });
	figures.push({
		id: 'gallery_rps',
		value: grid.rps,
		unit: 'req/s',
		baseline: staticRun.rps,
		ratio: Math.round((grid.rps / staticRun.rps) * 1000) / 1000,
		note: `grid page, 50 connections, ${SECONDS} s; errors ${grid.errors}`
	});
	figures.push({
		id: 'gallery_p99_ms.50conns',
		value: grid.p99,
		unit: 'ms',
		target: '<= 200',
		baseline: staticRun.p99,
		ratio: Math.round((grid.p99 / Math.max(1, staticRun.p99)) * 10) / 10
	});
	figures.push({
		id: 'artwork_p99_ms.50conns',
		value: art.p99,
		unit: 'ms',
		target: '<= 200',
		baseline: staticRun.p99,
		ratio: Math.round((art.p99 / Math.max(1, staticRun.p99)) * 10) / 10,
		note: `errors ${art.errors}; ${Math.round(art.rps)} req/s`
	});
	figures.push(...(await browserFigures(server.origin)));

	const sqlitePlan = await sqlitePlans(server.databaseFile, contestId, handles[5]!, school.id);
	extra.sqlite_plans = sqlitePlan.plans;
	figures.push({
		id: 'full_scans.sqlite',
		value: sqlitePlan.fullScans,
		unit: 'queries',
		target: '<= 0'
	});
	for (const p of sqlitePlan.plans) console.log(`\n[sqlite] ${p.name}\n  ${p.plan.join('\n  ')}`);
	const pgUrl = (process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL)?.trim();
	if (pgUrl) {
		const pgPlan = await postgresPlans(pgUrl, media);
		extra.postgres_plans = pgPlan.plans;
		figures.push({
			id: 'full_scans.postgres',
			value: pgPlan.fullScans,
			unit: 'queries',
			target: '<= 0'
		});
		for (const p of pgPlan.plans) console.log(`\n[postgres] ${p.name}\n  ${p.plan.join('\n  ')}`);
	}
} finally {
	await server.stop();
}
printTable(figures);
const file = writeReport(root, 'gallery', figures);
// The plans sit beside the figures, for the reader of the bench output.
const { readFileSync, writeFileSync } = await import('node:fs');
writeFileSync(
	file,
	JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), plans: extra }, null, 2)
);
console.log(`\nwrote ${file}`);
