// A face's attributes as a pmr.v1.FaceAttributes message: the expression with every class's score in Expression
// order, and age and gender when the analyzer has an age/gender model (unset otherwise). Pure.
import { EXPRESSIONS, type Expression, type FaceAttributes, type Gender } from '@pmr/common';
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
