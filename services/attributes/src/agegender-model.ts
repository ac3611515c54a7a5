// I/O: an age/gender ONNX model (FaceRes built by the project, or a user-supplied InsightFace genderage.onnx).
import { readFile } from 'node:fs/promises';
import { failedPrecondition, l2normalize, type RgbImage } from '@pmr/common';
import { loadSession, ort, type ModelSession } from '@pmr/common/onnx';
import { onnxNodes } from '@pmr/models';
import {
  ageFromDistribution,
  genderFromMaleProbability,
  type AgeResult,
  type GenderResult,
} from './agegender-decode.ts';
import { FACERES_SIZE, faceresInput } from './faceres-preprocess.ts';
import {
  GENDERAGE_CONTEXT,
  GENDERAGE_SIZE,
  genderageCrop,
  genderageDecode,
  genderageInput,
  genderageNormalisation,
  type GenderageNormalisation,
} from './insightface-genderage.ts';

export type AgeGenderKind = 'faceres' | 'insightface';

export interface AgeGenderModelOptions {
  /** 'faceres' (default): faceres_agegender.onnx built from @vladmandic/human (MIT). 'insightface': genderage.onnx (non-commercial). */
  readonly kind: AgeGenderKind;
  readonly path: string;
}

export interface AgeGenderPrediction {
  readonly age: AgeResult;
  readonly gender: GenderResult;
  /**
   * FaceRes only: the unit-length 1024-d face descriptor, the network's pooled output before its age and gender heads
   * (the same run computes it; a second face descriptor beside MobileFaceNet's). Null for InsightFace genderage.onnx.
   */
  readonly descriptor: Float32Array | null;
}

export interface AgeGenderModel {
  /** Age, gender and (FaceRes) the face descriptor from the face's 112x112 ArcFace-aligned chip. */
  predict(chip: RgbImage): Promise<AgeGenderPrediction>;
  release(): Promise<void>;
}

/** Length of the FaceRes descriptor. */
export const FACERES_DESCRIPTOR_DIM = 1024;

/**
 * The inference thread the age/gender model runs on, apart from the detector, embedder and expression model. It is the
 * costliest model per face, and when a video ends every open track is analysed at once: on its own thread that tail
 * runs beside the other models instead of alone on one core (docs/benchmark.md, "Process settings").
 */
export const AGE_GENDER_THREAD = 'age-gender';

async function open(kind: AgeGenderKind, path: string, threads: number | undefined): Promise<ModelSession> {
  try {
    return await loadSession(path, { thread: AGE_GENDER_THREAD, ...(threads === undefined ? {} : { threads }) });
  } catch (err) {
    throw failedPrecondition(
      `${kind} age/gender model ${path} could not be loaded: ${err instanceof Error ? err.message : String(err)}`,
      err,
    );
  }
}

async function expectIo(
  session: ModelSession,
  path: string,
  kind: AgeGenderKind,
  input: string,
  outputs: readonly string[],
): Promise<void> {
  if (session.inputNames.includes(input) && outputs.every((o) => session.outputNames.includes(o))) return;
  await session.release();
  throw failedPrecondition(
    `${path} is not the ${kind} age/gender model: expected input '${input}' and outputs [${outputs.join(', ')}], ` +
      `found [${session.inputNames.join(', ')}] -> [${session.outputNames.join(', ')}]`,
  );
}

async function loadFaceres(path: string, threads: number | undefined): Promise<AgeGenderModel> {
  const session = await open('faceres', path, threads);
  await expectIo(session, path, 'faceres', 'input', ['age', 'gender', 'descriptor']);
  return {
    async predict(chip) {
      const input = new ort.Tensor('float32', faceresInput(chip), [1, FACERES_SIZE, FACERES_SIZE, 3]);
      const out = await session.run({ input }, ['age', 'gender', 'descriptor']);
      const age = out.age?.data as Float32Array | undefined;
      const gender = out.gender?.data as Float32Array | undefined;
      const descriptor = out.descriptor?.data as Float32Array | undefined;
      if (age === undefined || gender === undefined)
        throw failedPrecondition('faceres model returned no age/gender output');
      if (descriptor?.length !== FACERES_DESCRIPTOR_DIM)
        throw failedPrecondition('faceres model returned no 1024-d descriptor');
      return {
        age: ageFromDistribution(age),
        gender: genderFromMaleProbability(gender[0]!),
        descriptor: l2normalize(new Float32Array(descriptor)),
      };
    },
    release: () => session.release(),
  };
}

async function loadInsightface(path: string, threads: number | undefined): Promise<AgeGenderModel> {
  const session = await open('insightface', path, threads);
  const inputName = session.inputNames[0];
  const outputName = session.outputNames[0];
  if (
    session.inputNames.length !== 1 ||
    session.outputNames.length !== 1 ||
    inputName === undefined ||
    outputName === undefined
  ) {
    await session.release();
    throw failedPrecondition(`${path} is not InsightFace genderage.onnx: expected one input and one output`);
  }
  let normalisation: GenderageNormalisation;
  try {
    normalisation = genderageNormalisation(onnxNodes(new Uint8Array(await readFile(path))));
  } catch (err) {
    await session.release();
    throw failedPrecondition(
      `${path}: could not read its graph (${err instanceof Error ? err.message : String(err)})`,
      err,
    );
  }
  // The stage sees only the aligned chip: a box of chip/1.5 centred on it makes InsightFace's 1.5x crop the whole chip.
  const side = (size: number): number => size / GENDERAGE_CONTEXT;
  return {
    async predict(chip) {
      const box = {
        x: (chip.width - side(chip.width)) / 2,
        y: (chip.height - side(chip.height)) / 2,
        width: side(chip.width),
        height: side(chip.height),
      };
      const data = genderageInput(genderageCrop(chip, box), normalisation);
      const out = await session.run({
        [inputName]: new ort.Tensor('float32', data, [1, 3, GENDERAGE_SIZE, GENDERAGE_SIZE]),
      });
      const values = out[outputName]?.data as Float32Array | undefined;
      if (values === undefined) throw failedPrecondition('genderage model returned no output');
      return { ...genderageDecode(values), descriptor: null };
    },
    release: () => session.release(),
  };
}

export async function loadAgeGenderModel(options: AgeGenderModelOptions, threads?: number): Promise<AgeGenderModel> {
  return options.kind === 'insightface' ? loadInsightface(options.path, threads) : loadFaceres(options.path, threads);
}
