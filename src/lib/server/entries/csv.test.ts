import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, toCsv } from './csv.ts';

describe('csv', () => {
	it('leaves plain text and numbers alone', () => {
		expect(csvCell('小明 7')).toBe('小明 7');
		expect(csvCell(12)).toBe('12');
		expect(csvCell(null)).toBe('');
		expect(csvCell(undefined)).toBe('');
	});

	it('quotes separators, quotes, line breaks and edge spaces', () => {
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
		expect(csvCell(' padded ')).toBe('" padded "');
	});

	it('defuses text a spreadsheet would run as a formula', () => {
		expect(csvCell('=1+1')).toBe("'=1+1");
		expect(csvCell('+86 138')).toBe("'+86 138");
		expect(csvCell('-2')).toBe("'-2");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\t=cmd')).toBe("'\t=cmd");
		expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
		// A formula character inside the text is harmless.
		expect(csvCell('a=b')).toBe('a=b');
		// Numbers are data, not text a person typed.
		expect(csvCell(-2)).toBe('-2');
	});

	it('starts with a BOM and ends every line with CRLF', () => {
		const csv = toCsv(
			['id', 'title'],
			[
				['1', '绿色'],
				['2', '=x']
			]
		);
		expect(csv).toBe(`${CSV_BOM}id,title\r\n1,绿色\r\n2,'=x\r\n`);
		expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
	});
});
