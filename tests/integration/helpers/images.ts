// Hostile image files built byte by byte, for the tests of everything that decodes an image.
import { createDeflate, crc32 } from 'node:zlib';
import sharp, { type Sharp } from 'sharp';

export function chunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function ihdr(width: number, height: number, colourType: number): Buffer {
	const data = Buffer.alloc(13);
	data.writeUInt32BE(width, 0);
	data.writeUInt32BE(height, 4);
	data[8] = 8; // bit depth
	data[9] = colourType;
	return chunk('IHDR', data);
}

/** A PNG of `width`×`height` black RGB pixels, deflated row by row so it never sits in memory. */
export async function hugeBlackPng(width: number, height: number): Promise<Buffer> {
	const deflate = createDeflate({ level: 9 });
	const parts: Buffer[] = [];
	deflate.on('data', (b: Buffer) => parts.push(b));
	const done = new Promise((resolve) => deflate.on('end', resolve));
	const row = Buffer.alloc(1 + width * 3);
	for (let y = 0; y < height; y++) {
		if (!deflate.write(row)) await new Promise((resolve) => deflate.once('drain', resolve));
	}
	deflate.end();
	await done;
	return Buffer.concat([
		PNG_SIGNATURE,
		ihdr(width, height, 2),
		chunk('IDAT', Buffer.concat(parts)),
		chunk('IEND', Buffer.alloc(0))
	]);
}

/**
 * A phone photo as a JPEG pipeline: left half red, right half blue, EXIF orientation 6 (so
 * upright, red is on top), a camera maker and GPS position. Add XMP or ICC before `toBuffer`.
 */
export function phoneJpegWithGps(width: number, height: number): Sharp {
	const pixels = Buffer.alloc(width * height * 3);
	for (let i = 0; i < width * height; i++) {
		const isLeft = i % width < width / 2;
		pixels[i * 3] = isLeft ? 220 : 20;
		pixels[i * 3 + 2] = isLeft ? 20 : 220;
	}
	return sharp(pixels, { raw: { width, height, channels: 3 } })
		.jpeg()
		.withMetadata({ orientation: 6 })
		.withExifMerge({
			IFD0: { Make: 'KidCam' },
			IFD3: {
				GPSLatitudeRef: 'N',
				GPSLatitude: '31/1 14/1 0/1',
				GPSLongitudeRef: 'E',
				GPSLongitude: '121/1 28/1 0/1'
			}
		});
}
