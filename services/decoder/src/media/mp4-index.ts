// An MP4 (or QuickTime) file whose index was never finished. Cameras and phones write the media data as they record
// and the index (the `moov` box: where each frame is, the codec's parameters) when the recording ends; a recording
// interrupted by a flat battery, a full card or a crash has the data and no index, and FFmpeg refuses it with
// "moov atom not found". Without the index no frame can be found or decoded (the codec's parameters are in it), so
// such a file is not recovered here: it is told apart from other unreadable files to say why it cannot be read.
import { open } from 'node:fs/promises';

/** One top-level box: its four-character type, where it starts and its declared size (Infinity: to the end of the file). */
export interface Mp4Box {
  readonly type: string;
  readonly offset: number;
  readonly size: number;
}

/** Boxes that start the files of the MP4 family (ISO base media and QuickTime). */
const FIRST_BOXES = new Set(['ftyp', 'wide', 'free', 'skip', 'mdat', 'pnot']);
const MAX_BOXES = 1000;
const HEADER_BYTES = 16;

/** Whether `boxes` (the top-level boxes of a file of `fileSize` bytes) hold media data but no complete index. */
export function indexCutOff(boxes: readonly Mp4Box[], fileSize: number): boolean {
  if (boxes.length === 0 || !FIRST_BOXES.has(boxes[0]!.type)) return false;
  if (!boxes.some((b) => b.type === 'mdat')) return false;
  const whole = (b: Mp4Box): boolean => b.offset + b.size <= fileSize;
  const hasIndex = boxes.some((b) => b.type === 'moov' && whole(b));
  return !hasIndex && boxes.some((b) => !whole(b));
}

/** The top-level boxes of an open file, as far as their headers can be read (a header that makes no sense stops). */
async function topLevelBoxes(read: (offset: number) => Promise<Buffer>, fileSize: number): Promise<Mp4Box[]> {
  const boxes: Mp4Box[] = [];
  for (let offset = 0; offset + 8 <= fileSize && boxes.length < MAX_BOXES;) {
    const header = await read(offset);
    const type = header.toString('latin1', 4, 8);
    if (!/^[\x20-\x7e]{4}$/.test(type)) break;
    const declared = header.readUInt32BE(0);
    let size: number;
    if (declared === 0) size = Number.POSITIVE_INFINITY;
    else if (declared === 1 && header.length >= 16) size = Number(header.readBigUInt64BE(8));
    else size = declared;
    if (size < 8) break;
    boxes.push({ type, offset, size });
    offset += size;
  }
  return boxes;
}

/** Whether the file at `path` is an MP4 or QuickTime file cut off before its index was complete; false when unreadable. */
export async function mp4IndexCutOff(path: string): Promise<boolean> {
  let file;
  try {
    file = await open(path, 'r');
  } catch {
    return false;
  }
  try {
    const { size } = await file.stat();
    const read = async (offset: number): Promise<Buffer> => {
      const buffer = Buffer.alloc(HEADER_BYTES);
      const { bytesRead } = await file.read(buffer, 0, HEADER_BYTES, offset);
      return buffer.subarray(0, bytesRead);
    };
    return indexCutOff(await topLevelBoxes(read, size), size);
  } catch {
    return false;
  } finally {
    await file.close();
  }
}

/** What to say about such a file. */
export const INDEX_CUT_OFF_REASON =
  'the file ends before the end of its index (the MP4 moov box, written when a recording is finished), as an interrupted recording does; ' +
  'without it no frame can be found (a tool such as untrunc can rebuild it from a complete recording made with the same camera)';
