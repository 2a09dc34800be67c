/** CSV for spreadsheets: what Excel, WPS and LibreOffice open correctly by double-click. */

/** Without a byte-order mark Excel reads UTF-8 as the local code page and garbles Chinese. */
export const CSV_BOM = '\uFEFF';

// A cell starting with one of these is a formula to a spreadsheet (tab and CR too: some
// programs strip them and then read the rest as a formula).
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | null | undefined;

/** One cell: text that could run as a formula is defused, then quoted if it needs to be. */
export function csvCell(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	let text = typeof value === 'number' ? String(value) : value;
	if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Header and rows, CRLF line ends (RFC 4180), BOM first. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
	const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
	return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
