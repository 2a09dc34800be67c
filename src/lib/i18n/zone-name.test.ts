import { describe, expect, it } from 'vitest';
import { formatInZone, zoneName } from './zone-name.ts';

describe('zoneName', () => {
	it('names a contest zone in the reader language', () => {
		expect(zoneName('zh-CN', 'Asia/Shanghai')).toBe('北京时间（上海）');
		expect(zoneName('en', 'Asia/Shanghai')).not.toBe('Asia/Shanghai');
		expect(zoneName('fr', 'Europe/Paris')).toBe('Paris');
	});

	it('keeps the id of a zone no catalog names', () => {
		expect(zoneName('zh-CN', 'Pacific/Chatham')).toBe('Pacific/Chatham');
		expect(zoneName('en', 'toString')).toBe('toString');
	});
});

describe('formatInZone', () => {
	// 2026-12-17 16:59 UTC: 00:59 the next day in Shanghai, 17:59 the same day in Paris.
	const at = Date.UTC(2026, 11, 17, 16, 59);

	it('reads the contest clock and names its zone once, never the id or a GMT offset', () => {
		const zh = formatInZone('zh-CN', at, 'Asia/Shanghai');
		expect(zh).toBe('2026年12月18日 00:59 · 北京时间（上海）');
		for (const locale of ['zh-CN', 'en', 'fr'] as const) {
			const text = formatInZone(locale, at, 'Asia/Shanghai');
			expect(text).not.toMatch(/Asia\/Shanghai|GMT|UTC/);
			expect(text).toContain(zoneName(locale, 'Asia/Shanghai'));
		}
	});

	it('follows the contest zone, not the server default', () => {
		expect(formatInZone('fr', at, 'Europe/Paris')).toMatch(/^17 déc\. 2026,? (à )?17:59 · Paris$/);
	});
});
