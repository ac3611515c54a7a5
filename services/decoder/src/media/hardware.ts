// Which device decodes: `--hwaccel auto|cuda|vaapi|none`. A device is opened once per process and shared by every
// decode (opening a CUDA context costs far more than a video's first frames).
import { failedPrecondition, invalidArgument } from '@pmr/common';
import { HardwareContext } from 'node-av/api';
import { HWACCEL_CHOICES, isHwaccelChoice, type HwaccelChoice } from '../hwaccel-choice.ts';
import { AV_HWDEVICE_TYPE_CUDA, AV_HWDEVICE_TYPE_VAAPI, type AVHWDeviceType } from 'node-av/constants';


type DeviceType = Exclude<HwaccelChoice, 'auto' | 'none'>;

/** In the order `auto` tries them. */
const DEVICE_TYPES: readonly DeviceType[] = ['cuda', 'vaapi'];

const TYPE_CODES: Record<DeviceType, AVHWDeviceType> = { cuda: AV_HWDEVICE_TYPE_CUDA, vaapi: AV_HWDEVICE_TYPE_VAAPI };

const opened = new Map<DeviceType, HardwareContext | null>();

function device(type: DeviceType): HardwareContext | null {
  if (!opened.has(type)) opened.set(type, HardwareContext.create(TYPE_CODES[type]));
  return opened.get(type) ?? null;
}

/**
 * The device for `choice`: null for `none`, and for `auto` when no device opens here; a named device that does not
 * open is FAILED_PRECONDITION (asked for, so not silently replaced by software).
 */
export function hardwareFor(choice: HwaccelChoice): HardwareContext | null {
  if (!isHwaccelChoice(choice)) throw invalidArgument(`hwaccel must be one of ${HWACCEL_CHOICES.join(', ')}, got ${String(choice)}`);
  if (choice === 'none') return null;
  if (choice === 'auto') {
    for (const type of DEVICE_TYPES) {
      const found = device(type);
      if (found !== null) return found;
    }
    return null;
  }
  const found = device(choice);
  if (found === null) throw failedPrecondition(`hwaccel ${choice}: no ${choice === 'cuda' ? 'CUDA' : 'VAAPI'} device can be opened on this machine`);
  return found;
}
