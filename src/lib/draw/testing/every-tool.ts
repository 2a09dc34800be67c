import { DOCUMENT_VERSION, type DrawDocument, type Op } from '../document.ts';

/** A wavy stroke's flat samples from (x, y), `n` samples to the right. */
function wave(x: number, y: number, n: number, amplitude: number): number[] {
	const flat: number[] = [];
	for (let i = 0; i < n; i++) {
		flat.push(x + i * 12, y + Math.sin(i / 3) * amplitude, 0.3 + (i % 5) / 10, i * 16);
	}
	return flat;
}

/**
 * A drawing that uses every tool — each stroke tool including the eraser, bucket fills (one
 * stopped by the colouring page's lines), every shape, stamps (turned and mirrored) and text in
 * Chinese and Latin letters — for comparing renders of the same document (browser export vs
 * print render). `template` is a colouring-page path, if the comparison has one.
 */
export function everyToolDocument(template?: string): DrawDocument {
	const tools = ['pencil', 'brush', 'marker', 'crayon'] as const;
	const colours = ['#c62828', '#1565c0', '#2e7d32', '#f9a825'];
	const ops: Op[] = [
		{ type: 'fill', id: 'f1', x: 800, y: 600, color: '#fff3c4', tolerance: 32 },
		{ type: 'fill', id: 'f2', x: 40, y: 40, color: '#d7f0ff', tolerance: 32 }
	];
	tools.forEach((tool, i) => {
		ops.push({
			type: 'stroke',
			id: `s${i}`,
			tool,
			color: colours[i] as string,
			size: 10 + i * 8,
			opacity: tool === 'marker' ? 0.5 : 1,
			points: wave(120, 180 + i * 140, 90, 30)
		});
	});
	ops.push(
		{
			type: 'stroke',
			id: 'e1',
			tool: 'eraser',
			color: '#000000',
			size: 40,
			opacity: 1,
			points: wave(300, 300, 40, 80)
		},
		{
			type: 'shape',
			id: 'h1',
			shape: 'line',
			x1: 100,
			y1: 1000,
			x2: 700,
			y2: 1100,
			color: '#6a1b9a',
			size: 12,
			filled: false
		},
		{
			type: 'shape',
			id: 'h2',
			shape: 'rect',
			x1: 1200,
			y1: 100,
			x2: 1500,
			y2: 350,
			color: '#00838f',
			size: 8,
			filled: false
		},
		{
			type: 'shape',
			id: 'h3',
			shape: 'rect',
			x1: 1250,
			y1: 400,
			x2: 1450,
			y2: 550,
			color: '#ef6c00',
			size: 8,
			filled: true
		},
		{
			type: 'shape',
			id: 'h4',
			shape: 'ellipse',
			x1: 900,
			y1: 850,
			x2: 1300,
			y2: 1100,
			color: '#ad1457',
			size: 14,
			filled: false
		},
		{
			type: 'shape',
			id: 'h5',
			shape: 'ellipse',
			x1: 1350,
			y1: 900,
			x2: 1550,
			y2: 1150,
			color: '#4e342e',
			size: 4,
			filled: true
		},
		{ type: 'fill', id: 'f3', x: 1375, y: 225, color: '#b2ebf2', tolerance: 16 },
		{
			type: 'stamp',
			id: 't1',
			stampId: 'tree',
			x: 1000,
			y: 250,
			scale: 1.5,
			rotation: 0,
			flipX: false
		},
		{
			type: 'stamp',
			id: 't2',
			stampId: 'flower',
			x: 700,
			y: 900,
			scale: 1,
			rotation: 30,
			flipX: true
		},
		{
			type: 'stamp',
			id: 't3',
			stampId: 'leaf',
			x: 500,
			y: 700,
			scale: 2,
			rotation: 300,
			flipX: false
		},
		{
			type: 'text',
			id: 'x1',
			x: 200,
			y: 820,
			text: '森林 Forest\n小鸟',
			color: '#1b5e20',
			size: 64
		}
	);
	return {
		version: DOCUMENT_VERSION,
		width: 1600,
		height: 1200,
		background: '#fffdf5',
		...(template ? { template } : {}),
		ops
	};
}
