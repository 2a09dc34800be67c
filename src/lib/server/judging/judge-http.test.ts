import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { judgeJsonError } from './judge-http.ts';
import { wallTime } from './round-dates.ts';

const OPENS = Date.parse('2026-12-05T01:00:00Z'); // 09:00 in Shanghai

async function answer(err: DomainError, locale: 'zh-CN' | 'en' | 'fr') {
	const res = judgeJsonError(err, locale);
	return { status: res.status, body: (await res.json()) as { message: string; params: object } };
}

describe('judgeJsonError', () => {
	it("names a refusal date's zone in the judge's language, never as an IANA id", async () => {
		const err = DomainError.conflict('judging.error.notYetOpen', {
			date: wallTime(OPENS, 'Asia/Shanghai'),
			at: OPENS,
			zone: 'Asia/Shanghai'
		});
		const zh = await answer(err, 'zh-CN');
		expect(zh.status).toBe(409);
		expect(zh.body.message).toContain('2026-12-05 09:00 · 北京时间（上海）');
		expect(zh.body.message).not.toContain('Asia/Shanghai');
		const en = await answer(err, 'en');
		expect(en.body.message).toContain('2026-12-05 09:00 · China time (Shanghai)');
		expect(en.body.message).not.toContain('Asia/Shanghai');
		expect(en.body.params).toMatchObject({ date: expect.stringContaining('2026-12-05 09:00 · ') });
	});

	it('leaves other parameters as they are', async () => {
		const err = DomainError.conflict('judging.error.stale', { value: 7, revision: 2 });
		const { body } = await answer(err, 'en');
		expect(body.params).toEqual({ value: 7, revision: 2 });
	});
});
