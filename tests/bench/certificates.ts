// Certificates: one school's batch of 200 certificates rendered into one PDF (ms per page), and
// the size of one child's own certificate PDF. Chinese names and titles, the heaviest case for
// the font subset. Part of `npm run bench:images` (figure ids in /work/shared/BENCH.md).
import {
	renderCertificates,
	type Certificate,
	type CertificateContext
} from '../../src/lib/server/ceremony/certificate.ts';

export interface CertificateFigure {
	id: string;
	value: number;
	unit: string;
	target: string;
}

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高'];
const GIVEN = [...'小雨天乐朵豆安果星明红华杰丽婷强军伟芳敏静'];
const TITLES = ['我家门前的大树', '会唱歌的风车', '屋顶上的菜园', '小河变清了', '森林里的家'];
const KINDS = ['gold', 'silver', 'bronze', 'honourable'] as const;
const AWARD_NAMES = { gold: '金奖', silver: '银奖', bronze: '铜奖', honourable: '优秀奖' };

function certificates(count: number): Certificate[] {
	return Array.from({ length: count }, (_, i) => {
		const kind = i < 12 ? KINDS[i % 4]! : 'participation';
		return {
			kind,
			awardName: kind === 'participation' ? '' : AWARD_NAMES[kind],
			firstName:
				SURNAMES[i % SURNAMES.length]! +
				GIVEN[(i * 7) % GIVEN.length]! +
				GIVEN[(i * 3 + 1) % GIVEN.length]!,
			artworkTitle: TITLES[i % TITLES.length]!,
			contestTitle: '我心中的绿色家园',
			bandLabel: i % 2 ? '9–11 岁' : '6–8 岁'
		};
	});
}

const CONTEXT: CertificateContext = {
	locale: 'zh-CN',
	ngoName: '绿芽儿童艺术基金会',
	options: { date: '2026-12-20', signature: '李华 项目主任' }
};

export async function measureCertificates(runs = 3): Promise<CertificateFigure[]> {
	const batch = certificates(200);
	await renderCertificates(batch.slice(0, 5), CONTEXT, 'warm-up');
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		await renderCertificates(batch, CONTEXT, 'bench');
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	const one = await renderCertificates([batch[0]!], CONTEXT, 'one');
	return [
		{
			id: 'certificates_ms_per_page',
			value: Math.round((times[Math.floor(runs / 2)]! / batch.length) * 10) / 10,
			unit: 'ms',
			target: 'report (200 certificates in one PDF)'
		},
		{
			id: 'certificate_pdf_kb',
			value: Math.round((one.length / 1024) * 10) / 10,
			unit: 'KB',
			target: '<= 300'
		}
	];
}
