// Who judges what: balanced, random, free of conflicts of interest, and able to change its mind
// when a judge joins, drops out or recuses without ever losing a score already given. Pure: the
// service feeds it the current rows and applies the returned difference in one transaction.
import { createRandom, shuffled } from './random.ts';

export interface AssignEntry {
	id: string;
	schoolId: string;
	/** The teacher account that approved the entry: they may not judge it. */
	approvedBy: string | null;
	bandId: string | null;
}

export interface AssignJudge {
	id: string;
	userId: string;
	/** Schools the judge declared a link with: their entries are off limits. */
	schoolIds: string[];
	active: boolean;
}

export interface ExistingAssignment {
	judgeId: string;
	entryId: string;
	done: boolean;
	recused: boolean;
	calibration: boolean;
	/** The row's place in the judge's queue; new work is appended after the highest. */
	position?: number;
}

export interface PlannedAssignment {
	judgeId: string;
	entryId: string;
	calibration: boolean;
	position: number;
}

export interface AssignmentPlan {
	add: PlannedAssignment[];
	/** Undone, unrecused existing rows to delete (their work moves elsewhere). */
	remove: { judgeId: string; entryId: string }[];
	/** Entries left with fewer judges than wanted because too few judges may see them. */
	shortfall: { entryId: string; missing: number }[];
}

export interface AssignmentInput {
	entries: AssignEntry[];
	judges: AssignJudge[];
	/** k: judges per entry. */
	perEntry: number;
	/** Entries every judge sees first (rubric rounds), so leniency is measured on common ground. */
	calibrationIds: string[];
	existing: ExistingAssignment[];
	seed: number;
	/** Extra judges wanted for some entries beyond k (disagreement triage), entry id → count. */
	extra?: Record<string, number>;
	/** Most assignments a judge may hold; extra judges are only found within it. */
	maxPerJudge?: number;
}

/** Whether a judge may see an entry at all: active and no conflict of interest. */
export function isEligible(judge: AssignJudge, entry: AssignEntry): boolean {
	return (
		judge.active && !judge.schoolIds.includes(entry.schoolId) && judge.userId !== entry.approvedBy
	);
}

interface Row {
	judgeId: string;
	entryId: string;
	done: boolean;
	calibration: boolean;
	/** Existing row (else a planned one). */
	existing: boolean;
	position: number;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The difference between the assignments a round has and the ones it should have.
 *
 * 1. Done rows are always kept (a given score is never lost) and count towards k; recused rows
 *    are kept as a record and bar that judge from that entry. Undone rows of inactive judges,
 *    of judges now in conflict, or of entries no longer in scope are removed.
 * 2. Every eligible active judge gets each calibration entry, at the front of a new queue.
 * 3. Entries above k + extra lose undone non-calibration rows, from the busiest judges first.
 * 4. Entries below get the least-loaded eligible judges, the most constrained entries (fewest
 *    possible judges) first so conflicts of interest do not strand them; ties are random.
 * 5. Rebalance: while a judge holds two or more assignments more than another, an undone
 *    non-calibration row (the latest in the queue) moves to the lighter judge if they may see it.
 *    This is how a judge who joins mid-round takes over open work.
 *
 * Each judge's new non-calibration work comes in its own random order. Inputs are sorted by id
 * first, so the plan depends on the seed and the data, not on the order rows were listed in.
 */
export function planAssignments(input: AssignmentInput): AssignmentPlan {
	const random = createRandom(input.seed);
	const entries = [...input.entries].sort(byId);
	const judges = [...input.judges].sort(byId);
	const entryOf = new Map(entries.map((e) => [e.id, e]));
	const judgeOf = new Map(judges.map((j) => [j.id, j]));
	const active = judges.filter((j) => j.active);
	const capacity = input.maxPerJudge ?? Infinity;
	const calibration = new Set(input.calibrationIds);
	const key = (judgeId: string, entryId: string) => `${judgeId}\u0000${entryId}`;

	const rowsOf = new Map<string, Row[]>(active.map((j) => [j.id, []]));
	const judgesOf = new Map<string, Set<string>>(entries.map((e) => [e.id, new Set()]));
	const barred = new Set<string>();
	const nextPosition = new Map<string, number>();
	const remove: { judgeId: string; entryId: string }[] = [];
	const seen = new Set<string>();

	const existing = [...input.existing].sort((a, b) =>
		byId({ id: key(a.judgeId, a.entryId) }, { id: key(b.judgeId, b.entryId) })
	);
	for (const a of existing) {
		const k = key(a.judgeId, a.entryId);
		if (seen.has(k)) continue;
		seen.add(k);
		const position = a.position ?? -1;
		nextPosition.set(a.judgeId, Math.max(nextPosition.get(a.judgeId) ?? 0, position + 1));
		if (a.recused) {
			barred.add(k);
			continue;
		}
		const judge = judgeOf.get(a.judgeId);
		const entry = entryOf.get(a.entryId);
		if (!a.done && (!judge || !entry || !isEligible(judge, entry))) {
			remove.push({ judgeId: a.judgeId, entryId: a.entryId });
			continue;
		}
		if (entry) judgesOf.get(entry.id)?.add(a.judgeId);
		rowsOf.get(a.judgeId)?.push({
			judgeId: a.judgeId,
			entryId: a.entryId,
			done: a.done,
			calibration: a.calibration,
			existing: true,
			position
		});
	}
	// Without stored positions, a judge's queue length is where new work starts.
	if (input.existing.every((a) => a.position === undefined)) {
		nextPosition.clear();
		for (const a of existing) nextPosition.set(a.judgeId, (nextPosition.get(a.judgeId) ?? 0) + 1);
	}

	const load = (judgeId: string) => rowsOf.get(judgeId)?.length ?? 0;
	const canTake = (judge: AssignJudge, entry: AssignEntry) =>
		isEligible(judge, entry) &&
		!barred.has(key(judge.id, entry.id)) &&
		!(judgesOf.get(entry.id) as Set<string>).has(judge.id);
	const give = (judge: AssignJudge, entry: AssignEntry, isCalibration: boolean) => {
		(rowsOf.get(judge.id) as Row[]).push({
			judgeId: judge.id,
			entryId: entry.id,
			done: false,
			calibration: isCalibration,
			existing: false,
			position: -1
		});
		(judgesOf.get(entry.id) as Set<string>).add(judge.id);
	};
	const take = (judgeId: string, row: Row) => {
		const rows = rowsOf.get(judgeId) as Row[];
		rows.splice(rows.indexOf(row), 1);
		(judgesOf.get(row.entryId) as Set<string>).delete(judgeId);
		if (row.existing) remove.push({ judgeId, entryId: row.entryId });
	};

	// 2. Calibration entries for every judge who may see them.
	for (const id of input.calibrationIds) {
		const entry = entryOf.get(id);
		if (!entry) continue;
		for (const judge of active) if (canTake(judge, entry)) give(judge, entry, true);
	}

	const wanted = (entryId: string) =>
		calibration.has(entryId) ? 0 : input.perEntry + Math.max(0, input.extra?.[entryId] ?? 0);

	// 3. Trim entries that have more undone judges than they now need.
	for (const entry of entries) {
		const holders = judgesOf.get(entry.id) as Set<string>;
		if (calibration.has(entry.id)) continue;
		let surplus = holders.size - wanted(entry.id);
		const movable = [...holders]
			.filter((j) => rowsOf.has(j))
			.sort((a, b) => load(b) - load(a) || (a < b ? -1 : 1));
		for (const judgeId of movable) {
			if (surplus <= 0) break;
			const row = (rowsOf.get(judgeId) as Row[]).find((r) => r.entryId === entry.id);
			if (!row || row.done || row.calibration) continue;
			take(judgeId, row);
			surplus--;
		}
	}

	// 4. Fill, most constrained entries first.
	const options = new Map(entries.map((e) => [e.id, active.filter((j) => canTake(j, e)).length]));
	const order = shuffled(entries, random).sort(
		(a, b) => (options.get(a.id) as number) - (options.get(b.id) as number)
	);
	const shortfall: { entryId: string; missing: number }[] = [];
	for (const entry of order) {
		let missing = wanted(entry.id) - (judgesOf.get(entry.id) as Set<string>).size;
		const start = Math.floor(random() * Math.max(1, active.length));
		while (missing > 0) {
			let best: AssignJudge | null = null;
			for (let t = 0; t < active.length; t++) {
				const judge = active[(start + t) % active.length] as AssignJudge;
				if (load(judge.id) >= capacity || !canTake(judge, entry)) continue;
				if (!best || load(judge.id) < load(best.id)) best = judge;
			}
			if (!best) break;
			give(best, entry, false);
			missing--;
		}
		if (missing > 0) shortfall.push({ entryId: entry.id, missing });
	}

	// 5. Move open work from the busiest to the lightest judges.
	const stuck = new Set<string>();
	for (;;) {
		const light = active
			.filter((j) => !stuck.has(j.id) && load(j.id) < capacity)
			.sort((a, b) => load(a.id) - load(b.id))[0];
		if (!light) break;
		const heavy = active
			.filter((j) => load(j.id) - load(light.id) > 1)
			.sort((a, b) => load(b.id) - load(a.id));
		let moved = false;
		for (const judge of heavy) {
			const row = (rowsOf.get(judge.id) as Row[])
				.filter(
					(r) => !r.done && !r.calibration && canTake(light, entryOf.get(r.entryId) as AssignEntry)
				)
				.sort((a, b) => b.position - a.position)[0];
			if (!row) continue;
			take(judge.id, row);
			give(light, entryOf.get(row.entryId) as AssignEntry, false);
			moved = true;
			break;
		}
		if (!moved) stuck.add(light.id);
	}

	const add: PlannedAssignment[] = [];
	for (const judge of active) {
		const fresh = (rowsOf.get(judge.id) as Row[]).filter((r) => !r.existing);
		const first = input.calibrationIds.flatMap((id) =>
			fresh.filter((r) => r.calibration && r.entryId === id)
		);
		const rest = shuffled(
			fresh.filter((r) => !r.calibration),
			random
		);
		let position = nextPosition.get(judge.id) ?? 0;
		for (const row of [...first, ...rest]) {
			add.push({
				judgeId: judge.id,
				entryId: row.entryId,
				calibration: row.calibration,
				position: position++
			});
		}
	}
	return { add, remove, shortfall };
}

/**
 * Calibration entries: `count` approved entries drawn at random, preferring different schools
 * (a judge linked to a calibration entry's school cannot see it, so one school must not hold them
 * all) and then different age bands. Deterministic for a seed.
 */
export function pickCalibration(entries: AssignEntry[], count: number, seed: number): string[] {
	const pool = shuffled([...entries].sort(byId), createRandom(seed));
	const picked: AssignEntry[] = [];
	const schools = new Set<string>();
	const bands = new Set<string | null>();
	const passes: ((e: AssignEntry) => boolean)[] = [
		(e) => !schools.has(e.schoolId) && !bands.has(e.bandId),
		(e) => !schools.has(e.schoolId),
		() => true
	];
	for (const fits of passes) {
		for (const entry of pool) {
			if (picked.length >= count) break;
			if (picked.includes(entry) || !fits(entry)) continue;
			picked.push(entry);
			schools.add(entry.schoolId);
			bands.add(entry.bandId);
		}
	}
	return picked.map((e) => e.id);
}
