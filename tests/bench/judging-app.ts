// The judging figures that need the database, the built server or a browser; loaded by
// tests/bench/judging.ts (npm run bench:judging), which adds them to .bench/judging.json.
//   round_close_ms.{sqlite,postgres}.10000   closing 10,000 entries × 3 judges × 3 criteria
//   score_save_p95_ms.10judges                score saves through the built server, 10 judges at once
//   criterion_saved_p95_ms.10judges           key press → criterion saved, same run (judging-saves.ts)
//   judge_first_load_kb                       the judge's round page: HTML + JS + CSS, gzip
//   judge_next_p95_ms.slow3g                  key press → next entry on screen (judge-next.ts)
// PostgreSQL is measured when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a database: its
// public schema is dropped and recreated.
import { gzipSync } from 'node:zlib';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createSession } from '../../src/lib/server/auth/session.ts';
import { parseConfig } from '../../src/lib/server/config.ts';
import { createDatabase, type Db } from '../../src/lib/server/db/database.ts';
import { migrateToLatest } from '../../src/lib/server/db/migrate.ts';
import { newId } from '../../src/lib/server/ids.ts';
import { closeRound, type ClosePhases } from '../../src/lib/server/judging/close.service.ts';
import * as repo from '../../src/lib/server/judging/judging.repository.ts';
import {
	assignRound,
	createRubricRound,
	openRound
} from '../../src/lib/server/judging/round.service.ts';
import { startBenchServer } from './bench-server.ts';
import { measureSaves } from './judging-saves.ts';
import { measureJudgeNext } from './judge-next.ts';
import { median, type Figure } from './report.ts';

interface World {
	organizer: {
		id: string;
		email: string;
		displayName: string;
		role: 'organizer';
		isAdmin: boolean;
	};
	contestId: string;
	roundId: string;
	judges: { userId: string; judgeId: string }[];
	criteria: string[];
}

async function insertChunked(db: Db, table: string, rows: Record<string, unknown>[]) {
	for (let i = 0; i < rows.length; i += 400)
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bulk bench rows for any table
		await (db as any)
			.insertInto(table)
			.values(rows.slice(i, i + 400))
			.execute();
}

/**
 * A contest in judging with `entries` approved entries (two bands), `judges` judges and an
 * open rubric round where each entry has `perEntry` judges; with `scored`, every assignment is
 * done with all three criteria scored. Rows go in directly (this is about closing, not
 * seeding), except with `planner`: the judges' work then comes from the real assignment planner
 * (balanced, calibration artworks first), as an organizer's "assign" and "open" give it.
 */
export async function buildWorld(
	db: Db,
	options: { entries: number; judges: number; perEntry: number; scored: boolean; planner?: boolean }
): Promise<World> {
	const now = Date.now();
	const organizer = {
		id: newId(),
		email: `bench-org-${newId()}@sprout.test`,
		displayName: 'Bench organizer',
		role: 'organizer' as const,
		isAdmin: false
	};
	const user = (id: string, email: string, name: string, role: string) => ({
		id,
		email,
		display_name: name,
		role,
		is_admin: 0,
		password_hash: 'no-password',
		locale: null,
		disabled_at: null,
		created_at: now
	});
	const teacherId = newId();
	await insertChunked(db, 'app_user', [
		user(organizer.id, organizer.email, organizer.displayName, 'organizer'),
		user(teacherId, `bench-teacher-${teacherId}@sprout.test`, 'Teacher', 'teacher')
	]);
	const schoolId = newId();
	await insertChunked(db, 'school', [
		{ id: schoolId, name: 'Bench school', city: 'X', created_at: now }
	]);
	const classroomId = newId();
	await insertChunked(db, 'classroom', [
		{
			id: classroomId,
			school_id: schoolId,
			teacher_id: teacherId,
			name: 'B',
			code: newId().slice(0, 8).toUpperCase(),
			created_at: now,
			archived_at: null
		}
	]);
	const contestId = newId();
	await insertChunked(db, 'contest', [
		{
			id: contestId,
			status: 'judging',
			title: '{"zh-CN":"Bench"}',
			theme: '{}',
			brief: '{}',
			rules: '{}',
			time_zone: 'Asia/Shanghai',
			opens_at: now - 10 * 86_400_000,
			closes_at: now - 86_400_000,
			entries_per_child: 1,
			board_orientation: 'landscape',
			board_width: 1600,
			board_height: 1200,
			allow_studio: 1,
			allow_upload: 1,
			created_by: null,
			created_at: now,
			updated_at: now
		}
	]);
	const bands = [newId(), newId()];
	await insertChunked(
		db,
		'contest_age_band',
		bands.map((id, i) => ({
			id,
			contest_id: contestId,
			label: i ? '9–11' : '6–8',
			min_age: i ? 9 : 6,
			max_age: i ? 11 : 8,
			position: i
		}))
	);
	const students = [];
	const entries = [];
	for (let i = 0; i < options.entries; i++) {
		const sid = newId();
		students.push({
			id: sid,
			classroom_id: classroomId,
			first_name: 'K',
			pseudonym: `K ${i}`,
			avatar: 'leaf-green',
			secret_kind: 'pin',
			secret: '1234',
			created_at: now
		});
		entries.push({
			id: newId(),
			contest_id: contestId,
			student_id: sid,
			age_band_id: bands[i % 2],
			age: 7,
			source: 'upload',
			drawing_id: null,
			title: `E${i}`,
			about: '',
			status: 'approved',
			status_message: null,
			idempotency_key: newId(),
			payload_hash: 'x',
			original_key: null,
			media_prefix: null,
			media: null,
			submitted_by: null,
			reviewed_by: teacherId,
			reviewed_at: now,
			created_at: now + i,
			updated_at: now + i
		});
	}
	await insertChunked(db, 'student', students);
	await insertChunked(db, 'entry', entries);
	const roundId = await createRubricRound(db, organizer, contestId, {
		perEntry: String(options.perEntry),
		advanceKind: 'top_percent',
		advanceValue: '10',
		disagreement: '1.5',
		scope: 'all',
		perBand: true
	});
	const judges = [];
	const judgeUsers = [];
	for (let j = 0; j < options.judges; j++) {
		const userId = newId();
		judgeUsers.push(user(userId, `bench-judge-${userId}@sprout.test`, `Judge ${j + 1}`, 'judge'));
		judges.push({ userId, judgeId: newId() });
	}
	await insertChunked(db, 'app_user', judgeUsers);
	await insertChunked(
		db,
		'round_judge',
		judges.map((j) => ({
			id: j.judgeId,
			round_id: roundId,
			user_id: j.userId,
			active: 1,
			joined_at: now,
			left_at: null
		}))
	);
	const criteria = (await repo.listCriteria(db, roundId)).map((c) => c.id);
	if (options.planner) {
		await assignRound(db, organizer, contestId, roundId);
		await openRound(db, organizer, contestId, roundId);
		return { organizer, contestId, roundId, judges, criteria };
	}
	const assignments = [];
	const scores = [];
	for (const [i, e] of entries.entries()) {
		for (let k = 0; k < options.perEntry; k++) {
			const judge = judges[(i + k) % judges.length]!;
			assignments.push({
				id: newId(),
				round_id: roundId,
				judge_id: judge.judgeId,
				entry_id: e.id,
				position: i,
				calibration: 0,
				handle: `H${i.toString(36).toUpperCase().padStart(4, '0')}`,
				recused_at: null,
				done_at: options.scored ? now : null,
				created_at: now
			});
			if (options.scored)
				for (const [c, criterionId] of criteria.entries())
					scores.push({
						id: newId(),
						round_id: roundId,
						judge_id: judge.judgeId,
						entry_id: e.id,
						criterion_id: criterionId,
						value: 1 + ((i * 7 + k * 3 + c * 5) % 10),
						revision: 1,
						updated_at: now
					});
		}
	}
	await insertChunked(db, 'judge_assignment', assignments);
	await insertChunked(db, 'rubric_score', scores);
	await db.updateTable('judging_round').set({ status: 'open' }).where('id', '=', roundId).execute();
	return { organizer, contestId, roundId, judges, criteria };
}

/** "read 250, tally 180, …" in ms: where the closes spent their time, median over runs. */
function phaseMedians(runs: ClosePhases[]): string {
	const names = [...new Set(runs.flatMap((r) => Object.keys(r)))] as (keyof ClosePhases)[];
	return names.map((n) => `${n} ${Math.round(median(runs.map((r) => r[n] ?? 0)))}`).join(', ');
}

async function measureClose(url: string, kind: 'sqlite' | 'postgres'): Promise<Figure> {
	const db = createDatabase(parseConfig({ DATABASE_URL: url }).database);
	try {
		if (kind === 'postgres') {
			await sql`drop schema if exists public cascade`.execute(db);
			await sql`create schema public`.execute(db);
		}
		await migrateToLatest(db);
		const times: number[] = [];
		const cpu: number[] = [];
		const phases: ClosePhases[] = [];
		for (let run = 0; run < 3; run++) {
			const world = await buildWorld(db, { entries: 10_000, judges: 3, perEntry: 3, scored: true });
			const cpuStart = process.cpuUsage();
			const start = performance.now();
			const spent: ClosePhases = {};
			await closeRound(
				db,
				world.organizer,
				world.contestId,
				world.roundId,
				{ force: false, reason: '' },
				Date.now(),
				spent
			);
			times.push(performance.now() - start);
			phases.push(spent);
			const used = process.cpuUsage(cpuStart);
			cpu.push((used.user + used.system) / 1000);
		}
		return {
			id: `round_close_ms.${kind}.10000`,
			value: Math.round(median(times)),
			unit: 'ms',
			target: '<= 1000',
			// On a crowded machine the wall clock waits for a core; this process's CPU does not
			// (the database server's own CPU is not in it on PostgreSQL).
			note: `runs ${times.map((t) => Math.round(t)).join(', ')} ms; Node CPU median ${Math.round(median(cpu))} ms; phase medians ${phaseMedians(phases)}; load average ${loadavg()[0]?.toFixed(1)}`
		};
	} finally {
		await db.destroy();
	}
}

/** 10 judges save their scores at once through the built server (judging-saves.ts). */
export async function measureSavesAndFirstLoad(root: string): Promise<Figure[]> {
	const server = await startBenchServer(root);
	const db = createDatabase(
		parseConfig({ DATABASE_URL: `sqlite:${server.databaseFile}` }).database
	);
	try {
		// 400 entries × 3 judges: 120 artworks a judge, over a thousand requests in each
		// mode, so a p95 is not decided by a handful of them.
		const world = await buildWorld(db, {
			entries: 400,
			judges: 10,
			perEntry: 3,
			scored: false,
			planner: true
		});
		const cookies = await Promise.all(
			world.judges.map(
				async (j) => (await createSession(db, { kind: 'adult', userId: j.userId })).token
			)
		);
		const work = await repo.listAssignments(db, world.roundId);
		const saves = await measureSaves(
			server,
			world.roundId,
			world.judges.map((judge, j) => ({
				cookie: cookies[j]!,
				handles: work.filter((a) => a.judge_id === judge.judgeId).map((a) => a.handle)
			})),
			world.criteria
		);
		// First load of the judge's screen, as a browser with an empty cache fetches it.
		const page = await fetch(`${server.origin}/judge/rounds/${world.roundId}`, {
			headers: { cookie: `sprout_session=${cookies[0]}` }
		});
		const html = await page.text();
		// Asset URLs are relative to the page ("../../../_app/…") and to each module.
		const pageUrl = `${server.origin}/judge/rounds/${world.roundId}`;
		const queue: string[] = [];
		for (const m of html.matchAll(/(?:href|src)="([^"]*_app\/[^"]+\.(?:js|css))"/g))
			queue.push(new URL(m[1]!, pageUrl).href);
		for (const m of html.matchAll(/import\("([^"]*_app\/[^"]+\.js)"\)/g))
			queue.push(new URL(m[1]!, pageUrl).href);
		let bytes = gzipSync(html).length;
		const seen = new Set<string>();
		// Follow static imports of each module: the browser loads those before the page runs.
		while (queue.length) {
			const asset = queue.pop()!;
			if (seen.has(asset)) continue;
			seen.add(asset);
			const body = Buffer.from(await (await fetch(asset)).arrayBuffer());
			bytes += gzipSync(body).length;
			if (asset.endsWith('.js'))
				for (const m of body
					.toString('utf8')
					.matchAll(/(?:^|[;}\s])import\s*(?:[^"'();]*?from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g))
					queue.push(new URL(m[1]!, asset).href);
		}
		return [
			...saves,
			{
				id: 'judge_first_load_kb',
				value: Math.round(bytes / 102.4) / 10,
				unit: 'KB',
				target: '<= 120',
				note: `${seen.size} assets`
			}
		];
	} finally {
		await db.destroy();
		await server.stop();
	}
}

export async function measure(context: {
	root: string;
	parts: ReadonlySet<string>;
}): Promise<Figure[]> {
	const figures: Figure[] = [];
	if (context.parts.has('close')) {
		const dir = mkdtempSync(path.join(tmpdir(), 'sprout-judging-bench-'));
		try {
			figures.push(await measureClose(`sqlite:${dir}/close.db`, 'sqlite'));
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
		const postgres = (process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL)?.trim();
		if (postgres) figures.push(await measureClose(postgres, 'postgres'));
		else
			console.log('round_close_ms.postgres.10000 skipped: set BENCH_DATABASE_URL=postgresql://…');
	}
	if (context.parts.has('saves')) figures.push(...(await measureSavesAndFirstLoad(context.root)));
	if (context.parts.has('next')) figures.push(await measureJudgeNext(context.root));
	return figures;
}
