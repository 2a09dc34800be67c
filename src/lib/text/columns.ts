// Pads text for a terminal column. Chinese characters take two cells in a terminal and a combining
// accent none, so String.padEnd (which counts code units) leaves "小明 7" sticking out past "Lina 21".

const WIDE =
	/[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const COMBINING = /\p{M}/u;

/** Terminal cells the text takes: two per wide (CJK) character, none per combining mark. */
export function displayWidth(text: string): number {
	let width = 0;
	for (const char of text) width += COMBINING.test(char) ? 0 : WIDE.test(char) ? 2 : 1;
	return width;
}

/** `text` followed by spaces up to `cells` terminal cells (never cut). */
export function padCells(text: string, cells: number): string {
	return text + ' '.repeat(Math.max(0, cells - displayWidth(text)));
}
