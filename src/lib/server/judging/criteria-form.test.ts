import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { parseCriteriaRows, type CriterionRowInput } from './criteria-form.ts';

const row = (over: Partial<CriterionRowInput> = {}): CriterionRowInput => ({
	id: 'c1',
	label: { 'zh-CN': '创意', en: 'Creativity', fr: 'Créativité' },
	description: { 'zh-CN': '想法新颖', en: 'A fresh idea', fr: 'Une idée neuve' },
	weight: '1',
	min: '1',
	max: '10',
	place: '1',
	remove: false,
	...over
});
const blank = row({
	id: '',
	label: { 'zh-CN': '', en: '', fr: '' },
	description: { 'zh-CN': '', en: '', fr: '' },
	place: ''
});

function codeOf(fn: () => unknown): string {
	try {
		fn();
	} catch (err) {
		if (err instanceof DomainError) return err.code;
		throw err;
	}
	return 'no error';
}

describe('parseCriteriaRows', () => {
	it('reorders by place, drops removed rows, adds the filled new row, ignores the blank one', () => {
		const out = parseCriteriaRows([
			row({ id: 'a', place: '2' }),
			row({ id: 'b', place: '1', weight: '2,5', min: '0', max: '5' }),
			row({ id: 'c', remove: true }),
			row({ id: '', place: '3', label: { 'zh-CN': '主题', en: '', fr: '' } }),
			blank
		]);
		expect(out.map((c) => c.id)).toEqual(['b', 'a', null]);
		expect(out[0]).toMatchObject({ weight: 2.5, min: 0, max: 5 });
		expect(out[2]!.label).toEqual({ 'zh-CN': '主题', en: '', fr: '' });
	});

	it('refuses bad rows with a message naming the problem', () => {
		expect(codeOf(() => parseCriteriaRows([row({ weight: '0' })]))).toBe(
			'judging.error.criterionWeight'
		);
		expect(codeOf(() => parseCriteriaRows([row({ weight: 'NaN' })]))).toBe(
			'judging.error.criterionWeight'
		);
		expect(codeOf(() => parseCriteriaRows([row({ min: '5', max: '5' })]))).toBe(
			'judging.error.criterionScale'
		);
		expect(codeOf(() => parseCriteriaRows([row({ min: '1.5' })]))).toBe(
			'judging.error.criterionScale'
		);
		expect(codeOf(() => parseCriteriaRows([row({ max: '1000' })]))).toBe(
			'judging.error.criterionScale'
		);
		expect(
			codeOf(() => parseCriteriaRows([row({ label: { 'zh-CN': '', en: 'x', fr: '' } })]))
		).toBe('judging.error.criterionLabel');
		expect(
			codeOf(() =>
				parseCriteriaRows([row({ description: { 'zh-CN': '长'.repeat(201), en: '', fr: '' } })])
			)
		).toBe('judging.error.criterionDescription');
		expect(codeOf(() => parseCriteriaRows([row({ remove: true }), blank]))).toBe(
			'judging.error.criteriaNone'
		);
		expect(codeOf(() => parseCriteriaRows(Array.from({ length: 9 }, () => row())))).toBe(
			'judging.error.criteriaMany'
		);
	});
});
