// Pure: the SVG overlay for one frame (boxes, a label tab above each).
import type { Box } from '@pmr/common';

export interface LabelledBox {
  readonly box: Box;
  readonly text: string;
  /** Known people are drawn green, strangers orange. */
  readonly known: boolean;
}

const escapeXml = (s: string): string => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function annotationSvg(width: number, height: number, boxes: readonly LabelledBox[]): string {
  const font = Math.max(12, Math.round(height / 30));
  const parts = boxes.map(({ box, text, known }) => {
    const colour = known ? '#27e33a' : '#ff9f1a';
    const x = Math.round(box.x);
    const y = Math.round(box.y);
    const tabH = font + 6;
    const tabY = y - tabH >= 0 ? y - tabH : y + Math.round(box.height);
    const tabW = Math.round(text.length * font * 0.6) + 8;
    return (
      `<rect x="${x}" y="${y}" width="${Math.round(box.width)}" height="${Math.round(box.height)}" fill="none" stroke="${colour}" stroke-width="${Math.max(2, Math.round(font / 6))}"/>` +
      `<rect x="${x}" y="${tabY}" width="${tabW}" height="${tabH}" fill="${colour}"/>` +
      `<text x="${x + 4}" y="${tabY + font}" font-family="sans-serif" font-size="${font}" fill="#000">${escapeXml(text)}</text>`
    );
  });
  return `<svg width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}
