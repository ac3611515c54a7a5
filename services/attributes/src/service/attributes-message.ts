// A face's attributes as a pmr.v1.FaceAttributes message: the expression with every class's score in Expression
// order, and age and gender when the analyzer has an age/gender model (unset otherwise). Pure.
import { EXPRESSIONS, invalidArgument, type Expression, type FaceAttributes, type Gender } from '@pmr/common';
import type { FaceAttributes__Output as FaceAttributesMessage__Output } from '@pmr/common/proto/generated/pmr/v1/FaceAttributes.ts';
import type { ExpressionMessage, FaceAttributesMessage, GenderMessage } from './common-bridge.ts';

export const EXPRESSION_MESSAGE: Readonly<Record<Expression, ExpressionMessage>> = {
  angry: 'EXPRESSION_ANGRY',
  disgust: 'EXPRESSION_DISGUST',
  fearful: 'EXPRESSION_FEARFUL',
  happy: 'EXPRESSION_HAPPY',
  neutral: 'EXPRESSION_NEUTRAL',
  sad: 'EXPRESSION_SAD',
  surprised: 'EXPRESSION_SURPRISED',
};

export const GENDER_MESSAGE: Readonly<Record<Gender, GenderMessage>> = { female: 'GENDER_FEMALE', male: 'GENDER_MALE' };

export function attributesToMessage(attributes: FaceAttributes): FaceAttributesMessage {
  const { expression, age, gender } = attributes;
  return {
    expression: {
      value: EXPRESSION_MESSAGE[expression.value],
      confidence: expression.confidence,
      scores: EXPRESSIONS.map((e) => ({ expression: EXPRESSION_MESSAGE[e], score: expression.scores[e] })),
    },
    age: age === null ? null : { value: age.value, low: age.low, high: age.high },
    gender: gender === null ? null : { value: GENDER_MESSAGE[gender.value], confidence: gender.confidence },
  };
}

const EXPRESSION_OF = new Map<string, Expression>(
  Object.entries(EXPRESSION_MESSAGE).map(([k, v]) => [v, k as Expression]),
);
const GENDER_OF = new Map<string, Gender>(Object.entries(GENDER_MESSAGE).map(([k, v]) => [v, k as Gender]));

/** The inverse of attributesToMessage (exact: every number is a double both ways). @throws PmrError INVALID_ARGUMENT */
export function attributesFromMessage(message: FaceAttributesMessage__Output): FaceAttributes {
  const e = message.expression;
  const value = EXPRESSION_OF.get(String(e?.value));
  if (e === null || value === undefined)
    throw invalidArgument('attributes.expression is missing or not a known Expression');
  const scores = Object.fromEntries(EXPRESSIONS.map((x) => [x, 0])) as Record<Expression, number>;
  for (const s of e.scores) {
    const name = EXPRESSION_OF.get(String(s.expression));
    if (name !== undefined) scores[name] = s.score;
  }
  const gender = message.gender === null ? undefined : GENDER_OF.get(String(message.gender.value));
  return {
    expression: { value, confidence: e.confidence, scores },
    age: message.age === null ? null : { value: message.age.value, low: message.age.low, high: message.age.high },
    gender:
      message.gender === null || gender === undefined ? null : { value: gender, confidence: message.gender.confidence },
  };
}
