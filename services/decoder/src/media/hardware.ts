// Which device decodes: `--hwaccel auto|cuda|vaapi|none`. A device is opened once per process and shared by every
// decode (opening a CUDA context costs far more than a video's first frames). node-av's higher-level API, which a device
// needs (its Scaler scales on the device), is loaded only once a device has opened: it costs ≈ 9 MB of memory.
import { failedPrecondition, invalidArgument } from '@pmr/common';
import { HardwareDeviceContext } from 'node-av/lib';
import {
  AV_HWDEVICE_TYPE_CUDA,
  AV_HWDEVICE_TYPE_VAAPI,
  type AVHWDeviceType,
  type AVPixelFormat,
} from 'node-av/constants';
import type { Frame } from 'node-av/lib';
import { HWACCEL_CHOICES, isHwaccelChoice, type HwaccelChoice } from '../hwaccel-choice.ts';

type DeviceType = Exclude<HwaccelChoice, 'auto' | 'none'>;

/** In the order `auto` tries them. */
const DEVICE_TYPES: readonly DeviceType[] = ['cuda', 'vaapi'];

const TYPE_CODES: Record<DeviceType, AVHWDeviceType> = { cuda: AV_HWDEVICE_TYPE_CUDA, vaapi: AV_HWDEVICE_TYPE_VAAPI };

/** A device pictures are decoded on, and what scales them there. */
export interface Hardware {
  readonly name: DeviceType;
  readonly deviceType: AVHWDeviceType;
  readonly deviceContext: HardwareDeviceContext;
  /** The pixel format of a picture on the device (what the decoder is asked for). */
  readonly pixelFormat: AVPixelFormat;
  /** A scaler that turns a picture on the device into packed RGB24 of a size, scaling there and downloading the result. */
  scaler(): DeviceScaler;
}

export interface DeviceScaler {
  toRgb(frame: Frame, width: number, height: number): Promise<Buffer>;
  close(): void;
}

const opened = new Map<DeviceType, Promise<Hardware | null>>();

/** Whether a device of `type` opens here at all (lib level: no high-level API loaded for the answer). */
function present(type: DeviceType): boolean {
  const probe = new HardwareDeviceContext();
  const code = probe.create(TYPE_CODES[type], null, null);
  probe.free();
  return code >= 0;
}

async function open(type: DeviceType): Promise<Hardware | null> {
  if (!present(type)) return null;
  const { HardwareContext, Scaler } = await import('node-av/api');
  const context = HardwareContext.create(TYPE_CODES[type]);
  if (context === null) return null;
  return {
    name: type,
    deviceType: context.deviceType,
    deviceContext: context.deviceContext,
    pixelFormat: context.devicePixelFormat,
    scaler: () => {
      const scaler = new Scaler({ hardware: context });
      return {
        toRgb: (frame, width, height) => scaler.toBuffer(frame, { resize: { width, height }, format: 'rgb' }),
        close: () => scaler.close(),
      };
    },
  };
}

function device(type: DeviceType): Promise<Hardware | null> {
  let found = opened.get(type);
  if (found === undefined) {
    found = open(type);
    opened.set(type, found);
  }
  return found;
}

/**
 * The device for `choice`: null for `none`, and for `auto` when no device opens here; a named device that does not
 * open is FAILED_PRECONDITION (asked for, so not silently replaced by software).
 */
export async function hardwareFor(choice: HwaccelChoice): Promise<Hardware | null> {
  if (!isHwaccelChoice(choice))
    throw invalidArgument(`hwaccel must be one of ${HWACCEL_CHOICES.join(', ')}, got ${String(choice)}`);
  if (choice === 'none') return null;
  if (choice === 'auto') {
    for (const type of DEVICE_TYPES) {
      const found = await device(type);
      if (found !== null) return found;
    }
    return null;
  }
  const found = await device(choice);
  if (found === null)
    throw failedPrecondition(
      `hwaccel ${choice}: no ${choice === 'cuda' ? 'CUDA' : 'VAAPI'} device can be opened on this machine`,
    );
  return found;
}
