// Reads back the QR codes wall labels draw (vector squares, one `re`-like path per module).
import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, type PDFRawStream } from 'pdf-lib';

const SQUARE =
	/1 0 0 1 (-?[\d.]+) (-?[\d.]+) cm\n1 0 0 1 0 0 cm\n1 0 0 1 0 0 cm\n0 0 m\n0 ([\d.]+) l\n([\d.]+) \3 l\n\4 0 l\nh\nf/g;

/** Per page, per quarter (0 top-left, 1 top-right, 2, 3): the QR matrix drawn there, if any. */
export async function qrMatricesOf(bytes: Uint8Array): Promise<(boolean[][] | null)[][]> {
	const doc = await PDFDocument.load(bytes, { updateMetadata: false });
	return doc.getPages().map((page) => {
		const { width, height } = page.getSize();
		const contents = doc.context.lookup(page.node.get(PDFName.of('Contents')));
		const parts =
			contents instanceof PDFArray
				? contents.asArray().map((r) => doc.context.lookup(r))
				: [contents];
		const text = parts
			.map((s) => Buffer.from(decodePDFRawStream(s as PDFRawStream).decode()).toString('latin1'))
			.join('\n');
		const quarters: { x: number; y: number; size: number }[][] = [[], [], [], []];
		for (const m of text.matchAll(SQUARE)) {
			const [x, y, size] = [Number(m[1]), Number(m[2]), Number(m[3])];
			if (Number(m[4]) !== size) continue;
			const slot = (x < width / 2 ? 0 : 1) + (y < height / 2 ? 2 : 0);
			quarters[slot]!.push({ x, y, size });
		}
		return quarters.map((squares) => {
			if (squares.length === 0) return null;
			const unit = squares[0]!.size;
			const left = Math.min(...squares.map((s) => s.x));
			const top = Math.max(...squares.map((s) => s.y + unit));
			const n = Math.round((Math.max(...squares.map((s) => s.x + unit)) - left) / unit);
			const matrix = Array.from({ length: n }, () => Array<boolean>(n).fill(false));
			for (const s of squares) {
				const row = Math.round((top - s.y - unit) / unit);
				const col = Math.round((s.x - left) / unit);
				matrix[row]![col] = true;
			}
			return matrix;
		});
	});
}
