import { describe, expect, it } from 'vitest';
import { assignHandles, HANDLE_ALPHABET, judgeHandle } from './handles.ts';

const FORMAT = new RegExp(`^[${HANDLE_ALPHABET}]{4}$`);

describe('judge handles', () => {
	it('are four unambiguous symbols, stable for the same secret, judge and entry', () => {
		const handle = judgeHandle('round-secret', 'judge-1', 'entry-1');
		expect(handle).toMatch(FORMAT);
		expect(handle).not.toMatch(/[0O1IL2Z5S8BG]/);
		expect(judgeHandle('round-secret', 'judge-1', 'entry-1')).toBe(handle);
	});

	it('differ between judges and between secrets, and do not contain the entry id', () => {
		const entries = Array.from({ length: 50 }, (_, i) => `entry-${i}`);
		const a = entries.map((e) => judgeHandle('s', 'judge-1', e));
		const b = entries.map((e) => judgeHandle('s', 'judge-2', e));
		const c = entries.map((e) => judgeHandle('t', 'judge-1', e));
		expect(a.filter((h, i) => h === b[i]).length).toBeLessThan(2);
		expect(a.filter((h, i) => h === c[i]).length).toBeLessThan(2);
	});

	it("are unique within one judge's entries, even among thousands", () => {
		const entries = Array.from({ length: 3000 }, (_, i) => `entry-${i}`);
		const handles = assignHandles('s', 'judge-1', entries);
		expect(handles.size).toBe(3000);
		expect(new Set(handles.values()).size).toBe(3000);
		for (const h of handles.values()) expect(h).toMatch(FORMAT);
		// Most keep their plain handle; only collisions are rehashed.
		const plain = entries.filter((e) => handles.get(e) === judgeHandle('s', 'judge-1', e));
		expect(plain.length).toBeGreaterThan(2950);
	});

	it('do not depend on list order and avoid handles the judge already holds', () => {
		const entries = ['e1', 'e2', 'e3'];
		expect(assignHandles('s', 'j', [...entries].reverse())).toEqual(
			assignHandles('s', 'j', entries)
		);
		const taken = judgeHandle('s', 'j', 'e2');
		const fresh = assignHandles('s', 'j', ['e2'], [taken]);
		expect(fresh.get('e2')).not.toBe(taken);
		expect(fresh.get('e2')).toMatch(FORMAT);
	});
});
