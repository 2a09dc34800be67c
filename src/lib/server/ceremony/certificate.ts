/**
 * The certificate itself: A4 landscape, one page per child and artwork, in the batch's language.
 * Pure layout over the pdf module; which children and awards come from the service.
 */
import { rgb, type PDFPage, type RGB } from 'pdf-lib';
import { translate, type Locale } from '../../i18n/index.ts';
import type { AwardKind } from '../db/schema.ts';
import { A4_LANDSCAPE, createPdf, drawTextBox, type PdfWithFonts } from '../pdf/index.ts';

export type CertificateKind = AwardKind | 'peoples' | 'participation';

export interface Certificate {
	kind: CertificateKind;
	/** The award's name in the batch's language (custom or standard); '' for participation. */
	awardName: string;
	/** The child's real first name: printed, never shown on a page. */
	firstName: string;
	artworkTitle: string;
	contestTitle: string;
	bandLabel: string | null;
}

export interface CertificateOptions {
	/** Ceremony date, YYYY-MM-DD. */
	date: string;
	/** Who signs (name and role), printed under a line; '' for no signature line. */
	signature: string;
}

export interface CertificateContext {
	locale: Locale;
	/** The organizing NGO, from configuration. */
	ngoName: string;
	options: CertificateOptions;
}

const COLOURS: Record<CertificateKind, RGB> = {
	gold: rgb(0.7, 0.51, 0.05),
	silver: rgb(0.45, 0.49, 0.54),
	bronze: rgb(0.62, 0.35, 0.17),
	honourable: rgb(0.16, 0.42, 0.32),
	peoples: rgb(0.56, 0.22, 0.47),
	participation: rgb(0.16, 0.36, 0.54)
};
const INK = rgb(0.13, 0.13, 0.16);
const SOFT_INK = rgb(0.36, 0.36, 0.4);
const PAPER = rgb(1, 0.99, 0.965);

/** The ceremony day in words; English certificates use the day-month order of Hong Kong. */
export function formatCeremonyDate(locale: Locale, date: string): string {
	const [y, m, d] = date.split('-').map(Number);
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
		dateStyle: 'long',
		timeZone: 'UTC'
	}).format(new Date(Date.UTC(y!, m! - 1, d!)));
}

/** Every string one certificate prints, by role. */
export function certificateContent(cert: Certificate, context: CertificateContext) {
	const { locale } = context;
	const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) =>
		translate(locale, key, params);
	const isAward = cert.kind !== 'participation';
	const params = { title: cert.artworkTitle, contest: cert.contestTitle };
	return {
		ngo: context.ngoName,
		title: t(
			isAward ? 'ceremony.certificate.title.award' : 'ceremony.certificate.title.participation'
		),
		presented: t('ceremony.certificate.presented'),
		name: cert.firstName,
		body: t(isAward ? 'ceremony.certificate.award' : 'ceremony.certificate.participation', params),
		award: isAward ? cert.awardName : '',
		band: cert.bandLabel ? t('ceremony.certificate.band', { band: cert.bandLabel }) : '',
		date: formatCeremonyDate(locale, context.options.date),
		dateCaption: t('ceremony.certificate.dateCaption'),
		signature: context.options.signature
	};
}

type Content = ReturnType<typeof certificateContent>;

function drawFrame(page: PDFPage, colour: RGB): void {
	const [w, h] = A4_LANDSCAPE;
	page.drawRectangle({ x: 0, y: 0, width: w, height: h, color: PAPER });
	page.drawRectangle({
		x: 22,
		y: 22,
		width: w - 44,
		height: h - 44,
		borderColor: colour,
		borderWidth: 3
	});
	page.drawRectangle({
		x: 31,
		y: 31,
		width: w - 62,
		height: h - 62,
		borderColor: colour,
		borderWidth: 0.75,
		borderOpacity: 0.8
	});
	for (const [x, y] of [
		[31, 31],
		[w - 31, 31],
		[31, h - 31],
		[w - 31, h - 31]
	] as const) {
		page.drawSvgPath('M 0 -9 L 9 0 L 0 9 L -9 0 Z', { x, y, color: colour });
	}
}

function drawRule(page: PDFPage, y: number, colour: RGB): void {
	const mid = A4_LANDSCAPE[0] / 2;
	page.drawLine({
		start: { x: mid - 120, y },
		end: { x: mid - 14, y },
		thickness: 0.8,
		color: colour
	});
	page.drawLine({
		start: { x: mid + 14, y },
		end: { x: mid + 120, y },
		thickness: 0.8,
		color: colour
	});
	page.drawSvgPath('M 0 -5 L 5 0 L 0 5 L -5 0 Z', { x: mid, y, color: colour });
}

/** A rosette: ribbon tails, then two rings. */
function drawSeal(page: PDFPage, x: number, y: number, colour: RGB): void {
	page.drawSvgPath('M -20 0 L -30 -52 L -17 -44 L -8 -56 L 0 -4 Z', {
		x,
		y,
		color: colour,
		opacity: 0.85
	});
	page.drawSvgPath('M 20 0 L 30 -52 L 17 -44 L 8 -56 L 0 -4 Z', {
		x,
		y,
		color: colour,
		opacity: 0.85
	});
	page.drawCircle({ x, y, size: 32, color: colour });
	page.drawCircle({ x, y, size: 25, borderColor: PAPER, borderWidth: 1.2 });
	page.drawSvgPath(
		'M 0 -12 L 3.5 -4 L 12 -3.7 L 5.5 2 L 7.5 10.5 L 0 6 L -7.5 10.5 L -5.5 2 L -12 -3.7 L -3.5 -4 Z',
		{ x, y, color: PAPER }
	);
}

function drawCertificate(
	page: PDFPage,
	fonts: PdfWithFonts<'regular' | 'bold'>['fonts'],
	kind: CertificateKind,
	c: Content
): void {
	const [w] = A4_LANDSCAPE;
	const colour = COLOURS[kind];
	const column = { x: 100, width: w - 200 };
	drawFrame(page, colour);
	drawTextBox(
		page,
		c.ngo,
		{ ...column, y: 516, height: 30 },
		{
			font: fonts.regular,
			size: 14,
			minSize: 10,
			align: 'center',
			valign: 'middle',
			color: SOFT_INK
		}
	);
	drawTextBox(
		page,
		c.title,
		{ ...column, y: 458, height: 58 },
		{
			font: fonts.bold,
			size: 40,
			minSize: 24,
			maxLines: 1,
			align: 'center',
			valign: 'middle',
			color: colour
		}
	);
	drawRule(page, 450, colour);
	drawTextBox(
		page,
		c.presented,
		{ ...column, y: 404, height: 30 },
		{
			font: fonts.regular,
			size: 15,
			align: 'center',
			valign: 'middle',
			color: SOFT_INK
		}
	);
	drawTextBox(
		page,
		c.name,
		{ ...column, y: 340, height: 64 },
		{
			font: fonts.bold,
			size: 46,
			minSize: 22,
			maxLines: 1,
			align: 'center',
			valign: 'middle',
			color: INK
		}
	);
	page.drawLine({
		start: { x: w / 2 - 170, y: 338 },
		end: { x: w / 2 + 170, y: 338 },
		thickness: 0.6,
		color: colour
	});
	drawTextBox(
		page,
		c.body,
		{ x: 130, width: w - 260, y: 256, height: 74 },
		{
			font: fonts.regular,
			size: 17,
			minSize: 11,
			lineHeight: 1.45,
			align: 'center',
			valign: 'middle',
			color: INK
		}
	);
	if (c.award) {
		drawTextBox(
			page,
			c.award,
			{ ...column, y: 206, height: 46 },
			{
				font: fonts.bold,
				size: 32,
				minSize: 18,
				maxLines: 1,
				align: 'center',
				valign: 'middle',
				color: colour
			}
		);
	}
	if (c.band) {
		drawTextBox(
			page,
			c.band,
			{ ...column, y: c.award ? 180 : 214, height: 24 },
			{
				font: fonts.regular,
				size: 14,
				minSize: 10,
				maxLines: 1,
				align: 'center',
				valign: 'middle',
				color: SOFT_INK
			}
		);
	}
	drawSeal(page, w / 2, 118, colour);
	const caption = { font: fonts.regular, size: 11, align: 'center' as const, color: SOFT_INK };
	drawTextBox(
		page,
		c.date,
		{ x: 90, width: 220, y: 84, height: 24 },
		{
			font: fonts.regular,
			size: 14,
			maxLines: 1,
			minSize: 10,
			align: 'center',
			valign: 'bottom',
			color: INK
		}
	);
	page.drawLine({
		start: { x: 100, y: 80 },
		end: { x: 300, y: 80 },
		thickness: 0.6,
		color: SOFT_INK
	});
	drawTextBox(page, c.dateCaption, { x: 90, width: 220, y: 58, height: 18 }, caption);
	if (c.signature) {
		page.drawLine({
			start: { x: w - 300, y: 80 },
			end: { x: w - 100, y: 80 },
			thickness: 0.6,
			color: SOFT_INK
		});
		drawTextBox(
			page,
			c.signature,
			{ x: w - 310, width: 220, y: 46, height: 30 },
			{
				...caption,
				minSize: 8,
				maxLines: 2,
				lineHeight: 1.2
			}
		);
	}
}

const BOLD_ROLES = ['title', 'name', 'award'] as const;

/** One PDF holding one page per certificate, fonts subset to exactly what it prints. */
export async function renderCertificates(
	certificates: readonly Certificate[],
	context: CertificateContext,
	title: string,
	onPage?: (done: number) => void | Promise<void>
): Promise<Uint8Array> {
	const contents = certificates.map((cert) => certificateContent(cert, context));
	const bold = contents.flatMap((c) => BOLD_ROLES.map((role) => c[role]));
	const regular = contents.flatMap((c) =>
		Object.entries(c)
			.filter(([role]) => !(BOLD_ROLES as readonly string[]).includes(role))
			.map(([, text]) => text)
	);
	const { doc, fonts } = await createPdf(
		{ regular, bold },
		{ title, language: context.locale, author: context.ngoName }
	);
	for (const [index, content] of contents.entries()) {
		drawCertificate(doc.addPage(A4_LANDSCAPE), fonts, certificates[index]!.kind, content);
		await onPage?.(index + 1);
	}
	return doc.save();
}
