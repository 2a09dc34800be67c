// The baseline the issue names: every stroke a live `Konva.Line` in one layer, redrawn whole on
// every pointer move. Served by the bench itself from loopback, with the app's own Konva build.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { freePort } from './bench-server.ts';

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>naive Konva</title>
<style>html,body{margin:0;height:100%;overflow:hidden;background:#e3ece3}
#stage{position:absolute;inset:0;touch-action:none}</style></head>
<body><div id="stage"></div><script src="/konva.min.js"></script><script src="/naive.js"></script></body></html>`;

/** Runs in the page. `window.naiveOpen(n)` loads `/doc/n.json` and resolves when drawn. */
const SCRIPT = `
let stage, layer, live = null;
window.naiveOpen = async (count) => {
	const doc = await (await fetch('/doc/' + count + '.json')).json();
	const box = document.getElementById('stage');
	stage?.destroy();
	stage = new Konva.Stage({ container: box, width: box.clientWidth, height: box.clientHeight });
	const scale = Math.min((box.clientWidth - 32) / doc.width, (box.clientHeight - 32) / doc.height);
	stage.scale({ x: scale, y: scale });
	stage.position({ x: (box.clientWidth - doc.width * scale) / 2, y: (box.clientHeight - doc.height * scale) / 2 });
	layer = new Konva.Layer({ listening: false });
	layer.add(new Konva.Rect({ width: doc.width, height: doc.height, fill: doc.background }));
	for (const op of doc.ops) {
		const pts = [];
		for (let i = 0; i < op.points.length; i += 4) pts.push(op.points[i], op.points[i + 1]);
		layer.add(new Konva.Line({ points: pts, stroke: op.color, strokeWidth: op.size, opacity: op.opacity,
			lineCap: 'round', lineJoin: 'round', listening: false }));
	}
	stage.add(layer);
	layer.draw();
	box.onpointerdown = (e) => {
		box.setPointerCapture(e.pointerId);
		const p = stage.getPointerPosition() ?? { x: 0, y: 0 };
		const t = stage.getAbsoluteTransform().copy().invert().point(p);
		live = new Konva.Line({ points: [t.x, t.y], stroke: '#222222', strokeWidth: 12,
			lineCap: 'round', lineJoin: 'round', listening: false });
		layer.add(live);
		layer.batchDraw();
	};
	box.onpointermove = (e) => {
		if (!live) return;
		const rect = box.getBoundingClientRect();
		const inverse = stage.getAbsoluteTransform().copy().invert();
		const pts = live.points().slice();
		const samples = e.getCoalescedEvents ? e.getCoalescedEvents() : [];
		for (const s of samples.length ? samples : [e]) {
			const t = inverse.point({ x: s.clientX - rect.left, y: s.clientY - rect.top });
			pts.push(t.x, t.y);
		}
		live.points(pts);
		window.__inkProbe?.consume();
		layer.batchDraw();
	};
	box.onpointerup = () => { live = null; };
	window.naiveUndo = () => { layer.children.at(-1)?.destroy(); layer.batchDraw(); };
	return doc.ops.length;
};
`;

export interface NaiveServer {
	origin: string;
	stop(): Promise<void>;
}

export async function startNaiveServer(
	root: string,
	documents: ReadonlyMap<number, string>
): Promise<NaiveServer> {
	const konva = readFileSync(path.join(root, 'node_modules/konva/konva.min.js'));
	const server = http.createServer((req, res) => {
		const url = req.url ?? '/';
		const doc = /^\/doc\/(\d+)\.json$/.exec(url);
		const send = (type: string, body: string | Buffer) => {
			res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
			res.end(body);
		};
		if (url === '/') return send('text/html; charset=utf-8', PAGE);
		if (url === '/konva.min.js') return send('text/javascript', konva);
		if (url === '/naive.js') return send('text/javascript', SCRIPT);
		const body = doc && documents.get(Number(doc[1]));
		if (body) return send('application/json', body);
		res.writeHead(404).end();
	});
	const port = await freePort();
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return {
		origin: `http://127.0.0.1:${port}`,
		stop: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
