/** The running order of the show: a title, then each band's heading and winners, then thanks. */
export interface ShowWinner {
	entryId: string;
	kind: 'gold' | 'silver' | 'bronze' | 'honourable' | 'peoples';
	award: string;
	title: string;
	pseudonym: string;
	imageUrl: string | null;
}

export type Slide =
	| { type: 'title' }
	| { type: 'band'; label: string }
	| { type: 'winner'; band: string; winner: ShowWinner }
	| { type: 'end' };

export function buildSlides(bands: { label: string; winners: ShowWinner[] }[]): Slide[] {
	const slides: Slide[] = [{ type: 'title' }];
	for (const band of bands) {
		if (band.winners.length === 0) continue;
		slides.push({ type: 'band', label: band.label });
		for (const winner of band.winners) slides.push({ type: 'winner', band: band.label, winner });
	}
	slides.push({ type: 'end' });
	return slides;
}

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter', 'n']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace', 'p']);

/** Where a key (keyboard or presentation clicker) moves the show from `index`; null if nowhere. */
export function slideAfterKey(key: string, index: number, count: number): number | null {
	if (NEXT.has(key)) return Math.min(count - 1, index + 1);
	if (PREVIOUS.has(key)) return Math.max(0, index - 1);
	if (key === 'Home') return 0;
	if (key === 'End') return count - 1;
	return null;
}
