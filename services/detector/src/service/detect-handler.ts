// DetectorService over gRPC: validate the request, run the detector stage, answer with every face. Domain errors
// (PmrError) keep their status and message; anything else is logged and answered INTERNAL without details.
import { invalidArgument, PmrError, type DetectedFace, type Point } from '@pmr/common';
import type { Logger } from '@pmr/common/logger';
import { imageFromProto } from '@pmr/common/image';
import { toServiceError } from '@pmr/common/proto';
import type { Detector } from '../detector.ts';
import type { DetectorServiceHandlers, DetectRequest__Output, DetectResponse } from './common-bridge.ts';
import { faceToMessage } from './face-message.ts';

/** The thresholds the detector was built with: the lowest a request may ask for. */
export interface DetectFloor {
  readonly scoreThreshold: number;
  readonly minFaceSize: number;
}

export interface DetectHandlerOptions {
  readonly floor: DetectFloor;
  readonly logger: Logger;
  /** Called with the number of faces of each answered request (metrics). */
  readonly onFaces?: (count: number) => void;
}

/**
 * A request's threshold, or the floor when unset. The stage applies its own thresholds before NMS, so a request
 * can raise them (a filter on the result) but not lower them: that would need a detector built with lower ones.
 */
function threshold(
  value: number | undefined,
  floor: number,
  field: string,
  range: string,
  valid: (v: number) => boolean,
): number {
  if (value === undefined) return floor;
  if (!valid(value)) throw invalidArgument(`${field} must be ${range}, got ${value}`);
  if (value < floor) {
    throw invalidArgument(
      `${field} ${value} is below this detector's ${floor}; send at least ${floor} or leave it unset for the default`,
    );
  }
  return value;
}

/**
 * A JPEG larger than this many pixels (4096 x 4096) is detected shrunk to it: decoded smaller by libvips, so an 8192 x
 * 8192 image costs 50 MB of pixels instead of 201 MB. Detection loses nothing, as the detector sees every image at 640
 * pixels on its longer side; a face's chip is aligned from the shrunk pixels, which matters only for faces over
 * about 112 pixels there, where the chip is downsampled anyway. Every frame up to 4K passes untouched.
 */
export const MAX_DETECT_PIXELS = 4096 * 4096;

/** A face found in an image shrunk by 1 / `scale`, its box and landmarks in the sent image's pixels. */
function inSentPixels(face: DetectedFace, scale: number): DetectedFace {
  if (scale === 1) return face;
  const { box, landmarks: l } = face;
  const at = (p: Point): Point => ({ x: p.x * scale, y: p.y * scale });
  return {
    ...face,
    box: { x: box.x * scale, y: box.y * scale, width: box.width * scale, height: box.height * scale },
    landmarks: [at(l[0]), at(l[1]), at(l[2]), at(l[3]), at(l[4])],
  };
}

/** Validate a Detect request, run the stage, filter by the request's thresholds. @throws PmrError */
export async function detectFaces(
  detector: Detector,
  request: DetectRequest__Output,
  floor: DetectFloor,
): Promise<DetectResponse> {
  const minScore = threshold(
    request.scoreThreshold,
    floor.scoreThreshold,
    'score_threshold',
    'in [0, 1]',
    (v) => v >= 0 && v <= 1,
  );
  const minSize = threshold(
    request.minFaceSize,
    floor.minFaceSize,
    'min_face_size',
    'a finite number of pixels >= 0',
    (v) => Number.isFinite(v) && v >= 0,
  );
  const image = await imageFromProto(request.image, 'image', { maxPixels: MAX_DETECT_PIXELS });
  const scale = (request.image?.width ?? image.width) / image.width;
  const faces = (await detector.detect(image)).map((f) => inSentPixels(f, scale));
  const kept = faces.filter((f) => f.score >= minScore && Math.max(f.box.width, f.box.height) >= minSize);
  return { faces: kept.map(faceToMessage) };
}

export function createDetectorHandlers(detector: Detector, options: DetectHandlerOptions): DetectorServiceHandlers {
  const log = options.logger.child({ component: 'DetectorService' });
  return {
    Detect(call, callback) {
      detectFaces(detector, call.request, options.floor).then(
        (response) => {
          options.onFaces?.(response.faces?.length ?? 0);
          callback(null, response);
        },
        (err: unknown) => {
          if (err instanceof PmrError) log.debug({ code: err.code, reason: err.message }, 'Detect rejected');
          else log.error({ err }, 'Detect failed');
          callback(toServiceError(err, 'detection failed; see the detector log'));
        },
      );
    },
  };
}
