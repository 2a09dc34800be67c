/**
 * Printed documents: PDFs with a Chinese-capable font subset to the characters they use, and
 * wrapped text in boxes. Used by certificates (ceremony) and wall labels (print).
 */
export { charactersOf, type FontWeight, subsetFor, toPrintable } from './fonts.ts';
export {
	A4_LANDSCAPE,
	A4_PORTRAIT,
	type Box,
	createPdf,
	drawTextBox,
	fittedHeight,
	MM,
	type PdfMetadata,
	type PdfWithFonts,
	type TextStyle,
	textWidth
} from './document.ts';
export { fitText, type FittedText, type FitOptions, type MeasureText, wrapText } from './text.ts';
export { readPdfText } from './read-text.ts';
