import { describe, expect, it } from 'vitest';
import { LOCALES, translate } from '$lib/i18n/index';
import { zoneName } from '$lib/i18n/zone-name';
import { localToEpoch } from '../contests/time-zone.ts';
import { wallTime } from './round-dates.ts';

describe('wallTime', () => {
	const at = localToEpoch('2026-12-05T09:00', 'Asia/Shanghai')!;

	it('names the zone by its id where no reader is known (a save refused by the server)', () => {
		expect(wallTime(at, 'Asia/Shanghai')).toBe('2026-12-05 09:00 (Asia/Shanghai)');
	});

	it('names the zone in the reader’s language on a page, never as an English id', () => {
		const zh = wallTime(at, 'Asia/Shanghai', zoneName('zh-CN', 'Asia/Shanghai'));
		expect(zh).toBe('2026-12-05 09:00 · 北京时间（上海）');
		expect(wallTime(at, 'Asia/Shanghai', zoneName('fr', 'Asia/Shanghai'))).toBe(
			'2026-12-05 09:00 · Heure de Chine (Shanghai)'
		);
	});
});

describe('the overdue banner', () => {
	it('says "overdue" once: its hint does not repeat the bold word before it', () => {
		for (const locale of LOCALES)
			expect(translate(locale, 'judging.dates.overdueHint')).not.toContain(
				translate(locale, 'judging.dates.overdue')
			);
	});
});
