import { describe, expect, it } from 'vitest';
import { escapeXml, judgeDistributionSvg, progressSvg, reliabilitySvg } from './charts.ts';

const OPTS = { id: 'c1', title: 'Scores <per> judge', description: 'Harsh & lenient "judges"' };

describe('charts', () => {
	it('escape every label and name themselves for screen readers', () => {
		const svg = judgeDistributionSvg([{ label: '<b>Li</b>', scores: [0.2, 0.5] }], OPTS);
		expect(svg).not.toContain('<b>');
		expect(svg).toContain('&lt;b&gt;Li&lt;/b&gt;');
		expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="c1-title c1-desc"/);
		expect(svg).toContain('<title id="c1-title">Scores &lt;per&gt; judge</title>');
		expect(svg).toContain('<desc id="c1-desc">Harsh &amp; lenient &quot;judges&quot;</desc>');
		expect(escapeXml(`a'b`)).toBe('a&#39;b');
	});

	it('draw one dot per score and place a harsh judge left of a lenient one', () => {
		const svg = judgeDistributionSvg(
			[
				{ label: 'Harsh', scores: [0.1, 0.2, 0.3] },
				{ label: 'Lenient', scores: [0.7, 0.8, 0.9] }
			],
			OPTS
		);
		expect(svg.match(/<circle /g)).toHaveLength(6);
		const boxes = [...svg.matchAll(/<rect x="([\d.]+)"/g)].map((m) => Number(m[1]));
		expect(boxes[0]).toBeLessThan(boxes[1] as number);
		expect(svg).not.toContain('NaN');
	});

	it('show reliability against comparisons with the target line', () => {
		const svg = reliabilitySvg(
			[
				{ comparisons: 100, ssr: 0.4 },
				{ comparisons: 400, ssr: 0.82 }
			],
			{ ...OPTS, id: 'r', targetLabel: 'Stop at 0.80' }
		);
		expect(svg).toContain('<path d="M');
		expect(svg.match(/<circle /g)).toHaveLength(2);
		expect(svg).toContain('Stop at 0.80');
		expect(reliabilitySvg([], { ...OPTS, id: 'r' })).not.toContain('NaN');
	});

	it('draw progress as the done share of each bar', () => {
		const svg = progressSvg(
			[
				{ label: 'Li Wei', done: 31, total: 40 },
				{ label: 'Empty band', done: 0, total: 0 }
			],
			OPTS
		);
		expect(svg).toContain('31 / 40');
		expect(svg).toContain('0 / 0');
		const widths = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
		expect((widths[1] as number) / (widths[0] as number)).toBeCloseTo(31 / 40, 2);
		expect(svg).not.toContain('NaN');
	});
});
