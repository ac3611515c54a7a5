// Pure: turn the expression model's logits into a labelled expression.
import { EXPRESSIONS, invalidArgument, softmax, type Expression, type FaceAttributes } from '@pmr/common';

export type ExpressionResult = FaceAttributes['expression'];

/**
 * Softmax over the model's 7 logits (in EXPRESSIONS order), then argmax.
 * `confidence` is the winning class's probability; ties go to the earlier class in EXPRESSIONS.
 */
export function expressionFromLogits(logits: ArrayLike<number>): ExpressionResult {
  if (logits.length !== EXPRESSIONS.length) {
    throw invalidArgument(`expression logits: expected ${EXPRESSIONS.length} values, got ${logits.length}`);
  }
  for (let i = 0; i < logits.length; i++) {
    if (!Number.isFinite(logits[i]!)) throw invalidArgument(`expression logits: value ${i} is not finite`);
  }
  const p = softmax(logits);
  const scores = {} as Record<Expression, number>;
  let best = 0;
  EXPRESSIONS.forEach((name, i) => {
    scores[name] = p[i]!;
    if (p[i]! > p[best]!) best = i;
  });
  return { value: EXPRESSIONS[best]!, confidence: p[best]!, scores };
}
