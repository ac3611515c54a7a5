// Pure: the FaceRes age/gender model's input from an aligned face chip.
import { invalidArgument, resizeBilinear, type RgbImage } from '@pmr/common';

/** Side of the FaceRes input (NHWC [1,224,224,3]). */
export const FACERES_SIZE = 224;
/** Per-channel means subtracted in B, G, R order (the Caffe/VGG convention the model was trained with). */
export const FACERES_MEAN_BGR: readonly [number, number, number] = [103.939, 116.779, 123.68];

/**
 * NHWC float32 data for the converted FaceRes model's `input` [1,224,224,3]: the face resized to 224x224
 * (bilinear), channels in B, G, R order, each minus its mean. This is how the model's author feeds it
 * (HSE_FaceRec_tf age_gender_identity/facial_analysis.py); @vladmandic/human feeds RGB 0..255 instead, which
 * measured worse on the labelled UTKFace chips (see the accuracy test).
 */
export function faceresInput(face: RgbImage): Float32Array {
  if (face.data.length !== face.width * face.height * 3) {
    throw invalidArgument(
      `face data holds ${face.data.length} bytes, expected ${face.width * face.height * 3} (packed RGB)`,
    );
  }
  const img =
    face.width === FACERES_SIZE && face.height === FACERES_SIZE
      ? face
      : resizeBilinear(face, FACERES_SIZE, FACERES_SIZE);
  const d = img.data;
  const out = new Float32Array(d.length);
  const [mb, mg, mr] = FACERES_MEAN_BGR;
  for (let i = 0; i < d.length; i += 3) {
    out[i] = d[i + 2]! - mb;
    out[i + 1] = d[i + 1]! - mg;
    out[i + 2] = d[i]! - mr;
  }
  return out;
}
