import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotationSvg } from '../src/annotation-svg.ts';

test('annotationSvg draws a box and a label tab per face, escaping the text', () => {
  const svg = annotationSvg(640, 360, [
    { box: { x: 10, y: 50, width: 40, height: 60 }, text: '#1 <Tom & "Jerry">', known: true },
    { box: { x: 300, y: 0, width: 40, height: 60 }, text: '#2 unknown-1', known: false },
  ]);
  assert.equal((svg.match(/<rect /g) ?? []).length, 4);
  assert.match(svg, /#1 &#60;Tom &#38; &#34;Jerry&#34;&#62;/);
  assert.doesNotMatch(svg, /<Tom/);
  assert.match(svg, /stroke="#27e33a"/, 'known people are green');
  assert.match(svg, /stroke="#ff9f1a"/, 'strangers are orange');
  // A box touching the top edge gets its tab below the box instead of above it.
  assert.match(svg, /<rect x="300" y="60" width="\d+" height="18" fill="#ff9f1a"\/>/);
});
