import type { printZhCN } from './print.zh-CN.ts';

export const printEn: Record<keyof typeof printZhCN, string> = {
	'print.link': 'Print: wall labels and print pack',
	'print.title': 'Print: wall labels and print pack',
	'print.intro':
		'Files for the printed exhibition. Only approved artworks that still have parental consent are included; labels show pseudonyms, never real names.',
	'print.language': 'Label language',
	'print.count': 'Artworks to print: {count}',
	'print.labels.heading': 'Wall labels (PDF)',
	'print.labels.help':
		'A4 sheets of four A6 labels, to cut along the grey lines. Artworks with consent to be shown publicly get a QR code to their page online; artworks shown in class only get none.',
	'print.labels.noQr':
		'The exhibition is not published yet, so labels made now have no QR codes. Make them again once it is published.',
	'print.labels.make': 'Make the labels',
	'print.labels.download': 'Download the labels PDF ({size})',
	'print.pack.heading': 'Print pack (ZIP)',
	'print.pack.help':
		'Each artwork at A3 300 dpi (drawings re-drawn from their strokes, photos from the original), named by label number, plus the labels PDF and a CSV list.',
	'print.pack.make': 'Make the print pack',
	'print.pack.download': 'Download the print pack ZIP ({size})',
	'print.status.queued': 'Waiting to start…',
	'print.status.running': 'Making it: {done} of {total}',
	'print.status.done': 'Ready, {when}',
	'print.status.failed': 'It could not be made: {reason}',
	'print.started': 'Started. It can be downloaded here when it is ready.',
	'print.error.noWorks':
		'This contest has no artworks to print yet (they must be approved and have parental consent).',
	'print.error.damaged': 'Artwork No. {number} cannot be re-drawn: its drawing file is damaged.',
	'print.error.template':
		'Artwork No. {number} cannot be re-drawn: its colouring page has been deleted.',
	'print.error.tooLarge': 'Artwork No. {number} is too big to be re-drawn on the server.',
	'print.error.missing': 'The file of artwork No. {number} cannot be found.',
	'print.error.failed': 'Something went wrong. Please try again.',
	'print.error.notReady': 'This file is not ready yet.',
	'print.label.number': 'No. {number}',
	'print.label.band': 'Age {band}',
	'print.label.scan': 'Scan to see it online',
	'print.csv.number': 'Number',
	'print.csv.title': 'Title',
	'print.csv.pseudonym': 'Pseudonym',
	'print.csv.band': 'Age band',
	'print.csv.award': 'Award',
	'print.csv.file': 'File name'
};
