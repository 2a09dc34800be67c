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
	judge: number;
	entry: number;
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
	const E = entries.length;
	const J = judges.length;
	const entryIndex = new Map(entries.map((e, i) => [e.id, i]));
	const judgeIndex = new Map(judges.map((j, i) => [j.id, i]));
	const active = judges.flatMap((j, i) => (j.active ? [i] : []));
	const capacity = input.maxPerJudge ?? Infinity;
	const isCalibration = new Uint8Array(E);
	for (const id of input.calibrationIds) {
		const e = entryIndex.get(id);
		if (e !== undefined) isCalibration[e] = 1;
	}

	// Flat E×J tables (entry-major) instead of string-keyed sets: a 10,000-entry round asks
	// "may judge j take entry e?" millions of times.
	const eligible = new Uint8Array(E * J);
	judges.forEach((judge, j) => {
		entries.forEach((entry, e) => {
			if (isEligible(judge, entry)) eligible[e * J + j] = 1;
		});
	});
	const barred = new Uint8Array(E * J);
	const holds = new Uint8Array(E * J);
	const holders = new Int32Array(E);
	const load = new Int32Array(J);
	const rowsOf: Row[][] = judges.map(() => []);
	const nextPosition = new Float64Array(J);
	const remove: { judgeId: string; entryId: string }[] = [];

	const existing = [...input.existing].sort((a, b) =>
		a.judgeId !== b.judgeId
			? a.judgeId < b.judgeId
				? -1
				: 1
			: a.entryId < b.entryId
				? -1
				: a.entryId > b.entryId
					? 1
					: 0
	);
	const withoutPositions = input.existing.every((a) => a.position === undefined);
	const seen = new Set<string>();
	for (const a of existing) {
		const k = `${a.judgeId}\u0000${a.entryId}`;
		if (seen.has(k)) continue;
		seen.add(k);
		const j = judgeIndex.get(a.judgeId);
		const e = entryIndex.get(a.entryId);
		const position = a.position ?? -1;
		if (j !== undefined) {
			// Without stored positions, a judge's queue length is where new work starts.
			nextPosition[j] = withoutPositions
				? (nextPosition[j] as number) + 1
				: Math.max(nextPosition[j] as number, position + 1);
		}
		if (a.recused) {
			if (j !== undefined && e !== undefined) barred[e * J + j] = 1;
			continue;
		}
		if (!a.done && (j === undefined || e === undefined || !eligible[e * J + j])) {
			remove.push({ judgeId: a.judgeId, entryId: a.entryId });
			continue;
		}
		if (e === undefined) continue;
		// A done row counts towards k even when its judge has left: the score stands.
		holders[e] = (holders[e] as number) + 1;
		if (j === undefined) continue;
		holds[e * J + j] = 1;
		if (!judges[j]?.active) continue;
		(rowsOf[j] as Row[]).push({
			judge: j,
			entry: e,
			done: a.done,
			calibration: a.calibration,
			existing: true,
			position
		});
		load[j] = (load[j] as number) + 1;
	}

	const canTake = (j: number, e: number) => {
		const at = e * J + j;
		return eligible[at] === 1 && barred[at] === 0 && holds[at] === 0;
	};
	const give = (j: number, e: number, calibration: boolean) => {
		(rowsOf[j] as Row[]).push({
			judge: j,
			entry: e,
			done: false,
			calibration,
			existing: false,
			position: -1
		});
		holds[e * J + j] = 1;
		holders[e] = (holders[e] as number) + 1;
		load[j] = (load[j] as number) + 1;
	};
	const take = (row: Row) => {
		const rows = rowsOf[row.judge] as Row[];
		rows.splice(rows.indexOf(row), 1);
		holds[row.entry * J + row.judge] = 0;
		holders[row.entry] = (holders[row.entry] as number) - 1;
		load[row.judge] = (load[row.judge] as number) - 1;
		if (row.existing) {
			remove.push({
				judgeId: (judges[row.judge] as AssignJudge).id,
				entryId: (entries[row.entry] as AssignEntry).id
			});
		}
	};

	// 2. Calibration entries for every judge who may see them.
	for (const id of input.calibrationIds) {
		const e = entryIndex.get(id);
		if (e === undefined) continue;
		for (const j of active) if (canTake(j, e)) give(j, e, true);
	}

	const wanted = (e: number) =>
		isCalibration[e]
			? 0
			: input.perEntry + Math.max(0, input.extra?.[(entries[e] as AssignEntry).id] ?? 0);

	// 3. Trim entries that have more judges than they now need, busiest judges first.
	for (let e = 0; e < E; e++) {
		if (isCalibration[e] || (holders[e] as number) <= wanted(e)) continue;
		const mine = active
			.filter((j) => holds[e * J + j])
			.sort((a, b) => (load[b] as number) - (load[a] as number) || a - b);
		for (const j of mine) {
			if ((holders[e] as number) <= wanted(e)) break;
			const row = (rowsOf[j] as Row[]).find((r) => r.entry === e);
			if (row && !row.done && !row.calibration) take(row);
		}
	}

	// 4. Fill, most constrained entries first.
	const choices = new Int32Array(E);
	for (let e = 0; e < E; e++)
		for (const j of active) if (canTake(j, e)) choices[e] = (choices[e] as number) + 1;
	const order = shuffled(
		Array.from({ length: E }, (_, e) => e),
		random
	).sort((a, b) => (choices[a] as number) - (choices[b] as number));
	const shortfall: { entryId: string; missing: number }[] = [];
	for (const e of order) {
		let missing = wanted(e) - (holders[e] as number);
		const start = Math.floor(random() * Math.max(1, active.length));
		while (missing > 0) {
			let best = -1;
			for (let t = 0; t < active.length; t++) {
				const j = active[(start + t) % active.length] as number;
				if ((load[j] as number) >= capacity || !canTake(j, e)) continue;
				if (best < 0 || (load[j] as number) < (load[best] as number)) best = j;
			}
			if (best < 0) break;
			give(best, e, false);
			missing--;
		}
		if (missing > 0) shortfall.push({ entryId: (entries[e] as AssignEntry).id, missing });
	}
	shortfall.sort((a, b) => (a.entryId < b.entryId ? -1 : 1));

	// 5. Move open work from the busiest to the lightest judges.
	const stuck = new Uint8Array(J);
	for (;;) {
		let light = -1;
		for (const j of active) {
			if (stuck[j] || (load[j] as number) >= capacity) continue;
			if (light < 0 || (load[j] as number) < (load[light] as number)) light = j;
		}
		if (light < 0) break;
		const floor = load[light] as number;
		const heavy = active
			.filter((j) => (load[j] as number) - floor > 1)
			.sort((a, b) => (load[b] as number) - (load[a] as number));
		let moved = false;
		for (const j of heavy) {
			let row: Row | null = null;
			for (const r of rowsOf[j] as Row[]) {
				if (r.done || r.calibration || !canTake(light, r.entry)) continue;
				if (!row || r.position > row.position) row = r;
			}
			if (!row) continue;
			take(row);
			give(light, row.entry, false);
			moved = true;
			break;
		}
		if (!moved) stuck[light] = 1;
	}

	const add: PlannedAssignment[] = [];
	for (const j of active) {
		const fresh = (rowsOf[j] as Row[]).filter((r) => !r.existing);
		const calibrationFirst = input.calibrationIds.flatMap((id) =>
			fresh.filter((r) => r.calibration && (entries[r.entry] as AssignEntry).id === id)
		);
		const rest = shuffled(
			fresh.filter((r) => !r.calibration),
			random
		);
		let position = nextPosition[j] as number;
		for (const row of [...calibrationFirst, ...rest]) {
			add.push({
				judgeId: (judges[j] as AssignJudge).id,
				entryId: (entries[row.entry] as AssignEntry).id,
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
