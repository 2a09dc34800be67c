import { describe, expect, it } from 'vitest';
import { zoneName } from './zone-name.ts';

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
