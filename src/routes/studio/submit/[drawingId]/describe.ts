/**
 * The starting words of "about my artwork": the picture's description generated from the
 * drawing's document, so what the exhibition says about an image starts from something true.
 */
import { describePicture, type Translate } from '$lib/draw/describe';
import { parseDocument } from '$lib/draw/parse-document';

/** At most `max` characters (not UTF-16 units), cut after the last complete part. */
export function fitWords(text: string, max: number): string {
	const chars = [...text];
	if (chars.length <= max) return text;
	const cut = chars.slice(0, max).join('');
	const end = Math.max(cut.lastIndexOf(';'), cut.lastIndexOf('；'), cut.lastIndexOf(','));
	return end > 0 ? `${cut.slice(0, end).trimEnd()}…` : `${cut.slice(0, max - 1)}…`;
}

/** Null when the drawing cannot be read; the field then simply starts empty. */
export async function describeDrawing(
	drawingId: string,
	t: Translate,
	max: number
): Promise<string | null> {
	try {
		const res = await fetch(`/studio/api/drawings/${encodeURIComponent(drawingId)}`, {
			cache: 'no-store'
		});
		if (!res.ok) return null;
		const parsed = parseDocument(await res.json());
		return parsed.ok ? fitWords(describePicture(parsed.doc, t), max) : null;
	} catch {
		return null;
	}
}
