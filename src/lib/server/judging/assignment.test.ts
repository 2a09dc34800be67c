import { describe, expect, it } from 'vitest';
import {
	pickCalibration,
	planAssignments,
	type AssignEntry,
	type AssignJudge,
	type AssignmentInput,
	type AssignmentPlan,
	type ExistingAssignment
} from './assignment.ts';
import { createRandom } from './random.ts';

const entries = (count: number, schools = 5): AssignEntry[] =>
	Array.from({ length: count }, (_, i) => ({
		id: `e${String(i).padStart(3, '0')}`,
		schoolId: `s${i % schools}`,
		approvedBy: `t${i % schools}`,
		bandId: i % 2 ? 'older' : 'younger'
	}));
const judges = (
	count: number,
	over: (i: number) => Partial<AssignJudge> = () => ({})
): AssignJudge[] =>
	Array.from({ length: count }, (_, i) => ({
		id: `j${i}`,
		userId: `u${i}`,
		schoolIds: [],
		active: true,
		...over(i)
	}));

/** The rows a round holds after applying a plan to what it had. */
function apply(existing: ExistingAssignment[], plan: AssignmentPlan): ExistingAssignment[] {
	const removed = new Set(plan.remove.map((r) => `${r.judgeId}/${r.entryId}`));
	return [
		...existing.filter((a) => !removed.has(`${a.judgeId}/${a.entryId}`)),
		...plan.add.map((a) => ({ ...a, done: false, recused: false }))
	];
}
const judgesPerEntry = (rows: ExistingAssignment[]) => {
	const map = new Map<string, string[]>();
	for (const r of rows)
		if (!r.recused) map.set(r.entryId, [...(map.get(r.entryId) ?? []), r.judgeId]);
	return map;
};
const loads = (rows: ExistingAssignment[]) => {
	const map = new Map<string, number>();
	for (const r of rows) if (!r.recused) map.set(r.judgeId, (map.get(r.judgeId) ?? 0) + 1);
	return map;
};
const base = (over: Partial<AssignmentInput> = {}): AssignmentInput => ({
	entries: entries(30),
	judges: judges(6),
	perEntry: 3,
	calibrationIds: [],
	existing: [],
	seed: 42,
	...over
});

describe('planAssignments', () => {
	it('gives every entry k different judges and every judge the same load', () => {
		const plan = planAssignments(base());
		const rows = apply([], plan);
		for (const [, who] of judgesPerEntry(rows)) {
			expect(who).toHaveLength(3);
			expect(new Set(who).size).toBe(3);
		}
		expect(judgesPerEntry(rows).size).toBe(30);
		expect(new Set(loads(rows).values())).toEqual(new Set([15]));
		expect(plan.remove).toEqual([]);
		expect(plan.shortfall).toEqual([]);
	});

	it('never gives a judge an entry of their school or one they approved', () => {
		const panel = judges(6, (i) => ({
			schoolIds: i < 3 ? [`s${i}`] : [],
			userId: i === 5 ? 't4' : `u${i}`
		}));
		const input = base({ judges: panel });
		const rows = apply([], planAssignments(input));
		const entryOf = new Map(input.entries.map((e) => [e.id, e]));
		const judgeOf = new Map(panel.map((j) => [j.id, j]));
		for (const r of rows) {
			const entry = entryOf.get(r.entryId) as AssignEntry;
			const judge = judgeOf.get(r.judgeId) as AssignJudge;
			expect(judge.schoolIds).not.toContain(entry.schoolId);
			expect(entry.approvedBy).not.toBe(judge.userId);
		}
		for (const [, who] of judgesPerEntry(rows)) expect(who).toHaveLength(3);
		const counts = [...loads(rows).values()];
		expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
	});

	it('reports the entries too few judges may see', () => {
		const panel = judges(3, (i) => ({ schoolIds: i < 2 ? ['s0'] : [] }));
		const plan = planAssignments(base({ entries: entries(4, 2), judges: panel }));
		expect(plan.shortfall).toEqual([
			{ entryId: 'e000', missing: 2 },
			{ entryId: 'e002', missing: 2 }
		]);
	});

	it("puts the same calibration entries first in every judge's queue", () => {
		const calibrationIds = ['e007', 'e003', 'e021'];
		const plan = planAssignments(base({ calibrationIds }));
		for (const judge of judges(6)) {
			const queue = plan.add
				.filter((a) => a.judgeId === judge.id)
				.sort((a, b) => a.position - b.position);
			expect(queue.slice(0, 3).map((a) => [a.entryId, a.calibration])).toEqual(
				calibrationIds.map((id) => [id, true])
			);
			expect(queue.slice(3).every((a) => !a.calibration)).toBe(true);
			expect(queue.map((a) => a.position)).toEqual(queue.map((_, i) => i));
		}
		const rows = apply([], plan);
		for (const [entryId, who] of judgesPerEntry(rows)) {
			expect(who).toHaveLength(calibrationIds.includes(entryId) ? 6 : 3);
		}
	});

	it('gives each judge their own random order', () => {
		const plan = planAssignments(base({ entries: entries(12), judges: judges(3), perEntry: 3 }));
		const order = (judgeId: string) =>
			plan.add
				.filter((a) => a.judgeId === judgeId)
				.sort((a, b) => a.position - b.position)
				.map((a) => a.entryId);
		expect(new Set(order('j0'))).toEqual(new Set(order('j1')));
		expect(order('j0')).not.toEqual(order('j1'));
	});

	it('rebalances after a drop-out without losing a given score', () => {
		const first = apply([], planAssignments(base()));
		// j0 scored four entries, then dropped out.
		const doneByJ0 = first
			.filter((a) => a.judgeId === 'j0')
			.slice(0, 4)
			.map((a) => a.entryId);
		const existing = first.map((a) => ({
			...a,
			done: a.judgeId === 'j0' && doneByJ0.includes(a.entryId)
		}));
		const plan = planAssignments(
			base({ existing, judges: judges(6, (i) => ({ active: i !== 0 })) })
		);
		expect(plan.remove).toHaveLength(11);
		expect(plan.remove.every((r) => r.judgeId === 'j0' && !doneByJ0.includes(r.entryId))).toBe(
			true
		);
		expect(plan.add.every((a) => a.judgeId !== 'j0')).toBe(true);
		const rows = apply(existing, plan);
		for (const [, who] of judgesPerEntry(rows)) expect(new Set(who).size).toBe(3);
		expect(rows.filter((r) => r.done)).toHaveLength(4);
		const counts = [...loads(rows)].filter(([j]) => j !== 'j0').map(([, n]) => n);
		expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
	});

	it('gives a recused entry to another judge and never back, keeping loads even', () => {
		const first = apply([], planAssignments(base()));
		const recused = first.find((a) => a.judgeId === 'j2') as ExistingAssignment;
		const existing = first.map((a) => (a === recused ? { ...a, recused: true } : a));
		const plan = planAssignments(base({ existing }));
		const newcomer = plan.add.filter((a) => a.entryId === recused.entryId);
		expect(newcomer).toHaveLength(1);
		expect(newcomer[0]?.judgeId).not.toBe('j2');
		// Whoever took it hands one open entry to j2, who is now one short: 15 each again.
		expect(plan.remove.length).toBeLessThanOrEqual(1);
		const rows = apply(existing, plan);
		expect(new Set(loads(rows).values())).toEqual(new Set([15]));
		expect(rows.filter((r) => r.judgeId === 'j2' && r.entryId === recused.entryId)).toEqual([
			{ ...recused, recused: true }
		]);
		for (const [, who] of judgesPerEntry(rows)) expect(new Set(who).size).toBe(3);
	});

	it('moves open work to a judge who joins mid-round, never done work', () => {
		const first = apply([], planAssignments(base({ judges: judges(5) })));
		const existing = first.map((a, i) => ({ ...a, done: i % 3 === 0 }));
		const plan = planAssignments(base({ existing, judges: judges(6) }));
		const rows = apply(existing, plan);
		const removed = new Set(plan.remove.map((r) => `${r.judgeId}/${r.entryId}`));
		expect(existing.filter((a) => a.done && removed.has(`${a.judgeId}/${a.entryId}`))).toEqual([]);
		expect(plan.add.every((a) => a.judgeId === 'j5')).toBe(true);
		expect(loads(rows).get('j5')).toBe(15);
		for (const [, who] of judgesPerEntry(rows)) expect(new Set(who).size).toBe(3);
	});

	it('adds an extra judge for a disagreement, within capacity', () => {
		const first = apply([], planAssignments(base()));
		const plan = planAssignments(base({ existing: first, extra: { e005: 1 } }));
		expect(plan.add.map((a) => a.entryId)).toEqual(['e005']);
		expect(first.some((a) => a.entryId === 'e005' && a.judgeId === plan.add[0]?.judgeId)).toBe(
			false
		);
		const full = planAssignments(base({ existing: first, extra: { e005: 1 }, maxPerJudge: 15 }));
		expect(full.add).toEqual([]);
		expect(full.shortfall).toEqual([{ entryId: 'e005', missing: 1 }]);
	});

	it('appends new work after the positions a judge already has', () => {
		const existing: ExistingAssignment[] = [
			{
				judgeId: 'j0',
				entryId: 'e000',
				done: true,
				recused: false,
				calibration: false,
				position: 7
			}
		];
		const plan = planAssignments(
			base({ entries: entries(2), judges: judges(1), perEntry: 1, existing })
		);
		expect(plan.add).toEqual([{ judgeId: 'j0', entryId: 'e001', calibration: false, position: 8 }]);
	});

	it('is deterministic for a seed, whatever order the rows come in', () => {
		const input = base({ calibrationIds: ['e001'] });
		const once = planAssignments(input);
		expect(
			planAssignments({
				...input,
				entries: [...input.entries].reverse(),
				judges: [...input.judges].reverse()
			})
		).toEqual(once);
		expect(planAssignments({ ...input, seed: 43 })).not.toEqual(once);
	});

	it('keeps its promises on random rounds with conflicts, drop-outs and recusals', () => {
		const random = createRandom(99);
		for (let round = 0; round < 25; round++) {
			const pool = entries(20 + Math.floor(random() * 30), 3 + Math.floor(random() * 5));
			const panel = judges(4 + Math.floor(random() * 6), () => ({
				schoolIds: random() < 0.4 ? [`s${Math.floor(random() * 4)}`] : []
			}));
			const k = 1 + Math.floor(random() * 3);
			const before = apply(
				[],
				planAssignments(base({ entries: pool, judges: panel, perEntry: k, seed: round }))
			);
			const existing = before.map((a) => {
				const roll = random();
				return { ...a, done: roll < 0.3, recused: roll > 0.9 };
			});
			const later = panel.map((j) => ({ ...j, active: random() > 0.2 }));
			const input = base({ entries: pool, judges: later, perEntry: k, existing, seed: round + 1 });
			const plan = planAssignments(input);
			const rows = apply(existing, plan);

			const judgeOf = new Map(later.map((j) => [j.id, j]));
			const entryOf = new Map(pool.map((e) => [e.id, e]));
			const recused = new Set(
				existing.filter((a) => a.recused).map((a) => `${a.judgeId}/${a.entryId}`)
			);
			for (const a of plan.add) {
				const judge = judgeOf.get(a.judgeId) as AssignJudge;
				expect(judge.active).toBe(true);
				expect(judge.schoolIds).not.toContain(entryOf.get(a.entryId)?.schoolId);
				expect(recused.has(`${a.judgeId}/${a.entryId}`)).toBe(false);
			}
			const kept = new Set(plan.remove.map((r) => `${r.judgeId}/${r.entryId}`));
			for (const a of existing)
				if (a.done || a.recused) expect(kept.has(`${a.judgeId}/${a.entryId}`)).toBe(false);
			const keys = rows.map((r) => `${r.judgeId}/${r.entryId}`);
			expect(new Set(keys).size).toBe(keys.length);
			const missing = new Map(plan.shortfall.map((x) => [x.entryId, x.missing]));
			for (const entry of pool) {
				const held = rows.filter((r) => r.entryId === entry.id && !r.recused).length;
				expect(held + (missing.get(entry.id) ?? 0)).toBeGreaterThanOrEqual(k);
			}
		}
	});

	// ~0.2 s of CPU; the generous bound only catches an accidental quadratic step on a busy machine.
	it('plans 10,000 entries × 3 judges quickly', { timeout: 30_000 }, () => {
		const started = performance.now();
		const plan = planAssignments(
			base({ entries: entries(10_000, 200), judges: judges(40, (i) => ({ schoolIds: [`s${i}`] })) })
		);
		expect(plan.add).toHaveLength(30_000);
		expect(plan.shortfall).toEqual([]);
		expect(performance.now() - started).toBeLessThan(15_000);
	});
});

describe('pickCalibration', () => {
	it('draws different schools (and bands) first, deterministically', () => {
		const pool = entries(40, 4);
		const picked = pickCalibration(pool, 3, 7);
		expect(picked).toHaveLength(3);
		const schools = picked.map((id) => pool.find((e) => e.id === id)?.schoolId);
		expect(new Set(schools).size).toBe(3);
		expect(pickCalibration(pool, 3, 7)).toEqual(picked);
		expect(pickCalibration(entries(2), 3, 7)).toHaveLength(2);
	});
});
