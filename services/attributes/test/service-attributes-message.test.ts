// A face's attributes as a FaceAttributes message: enum names, scores in Expression order, unset age/gender.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FaceAttributes } from '@pmr/common';
import { attributesToMessage } from '../src/service/attributes-message.ts';

const SCORES = { angry: 0.01, disgust: 0.02, fearful: 0.03, happy: 0.7, neutral: 0.2, sad: 0.03, surprised: 0.01 };
const EXPECTED_SCORES = [
  { expression: 'EXPRESSION_ANGRY', score: 0.01 },
  { expression: 'EXPRESSION_DISGUST', score: 0.02 },
  { expression: 'EXPRESSION_FEARFUL', score: 0.03 },
  { expression: 'EXPRESSION_HAPPY', score: 0.7 },
  { expression: 'EXPRESSION_NEUTRAL', score: 0.2 },
  { expression: 'EXPRESSION_SAD', score: 0.03 },
  { expression: 'EXPRESSION_SURPRISED', score: 0.01 },
] as const;

const CASES: ReadonlyArray<{
  name: string;
  attributes: FaceAttributes;
  expected: ReturnType<typeof attributesToMessage>;
}> = [
  {
    name: 'with age and gender',
    attributes: {
      expression: { value: 'happy', confidence: 0.7, scores: SCORES },
      age: { value: 41, low: 35, high: 48 },
      gender: { value: 'female', confidence: 0.9 },
    },
    expected: {
      expression: { value: 'EXPRESSION_HAPPY', confidence: 0.7, scores: [...EXPECTED_SCORES] },
      age: { value: 41, low: 35, high: 48 },
      gender: { value: 'GENDER_FEMALE', confidence: 0.9 },
    },
  },
  {
    name: 'male',
    attributes: {
      expression: { value: 'surprised', confidence: 0.01, scores: SCORES },
      age: { value: 8, low: 5, high: 11 },
      gender: { value: 'male', confidence: 0.5 },
    },
    expected: {
      expression: { value: 'EXPRESSION_SURPRISED', confidence: 0.01, scores: [...EXPECTED_SCORES] },
      age: { value: 8, low: 5, high: 11 },
      gender: { value: 'GENDER_MALE', confidence: 0.5 },
    },
  },
  {
    name: 'expression only (no age/gender model)',
    attributes: { expression: { value: 'neutral', confidence: 0.2, scores: SCORES }, age: null, gender: null },
    expected: {
      expression: { value: 'EXPRESSION_NEUTRAL', confidence: 0.2, scores: [...EXPECTED_SCORES] },
      age: null,
      gender: null,
    },
  },
];

for (const { name, attributes, expected } of CASES) {
  test(`attributes message: ${name}`, () => {
    assert.deepEqual(attributesToMessage(attributes), expected);
  });
}
