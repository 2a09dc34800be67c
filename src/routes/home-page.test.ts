import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import WithI18n from '$lib/i18n/testing/WithI18n.svelte';
import type { Locale } from '$lib/i18n/index';
import type { PublicContest } from '$lib/server/contests/contest.service';
import HomePage from './+page.svelte';

const CONTEST: PublicContest = {
	id: 'c1',
	title: '我身边的绿色家园',
	theme: '画出你身边的自然',
	timeZone: 'Asia/Shanghai',
	// 09:00 and 18:00 in Shanghai.
	opensAt: Date.UTC(2026, 10, 3, 1),
	closesAt: Date.UTC(2026, 11, 3, 10),
	isUpcoming: false,
	ageBands: [{ label: '6–8', minAge: 6, maxAge: 8 }],
	board: { width: 1600, height: 1200 }
};

function home(locale: Locale): string {
	const data = { contests: [CONTEST], exhibitions: [] };
	return render(WithI18n, { props: { locale, component: HomePage, props: { data } } }).body;
}

describe('home page contest dates', () => {
	it('names the contest zone once, as the contest form does, not as "GMT+8"', () => {
		const zh = home('zh-CN');
		expect(zh).toContain('2026年11月3日 09:00 至 2026年12月3日 18:00 · 北京时间（上海）');
		expect(zh.match(/北京时间（上海）/g)).toHaveLength(1);
		for (const locale of ['zh-CN', 'en', 'fr'] as const)
			expect(home(locale)).not.toMatch(/GMT|UTC[+-]|Asia\/Shanghai/);
	});
});
