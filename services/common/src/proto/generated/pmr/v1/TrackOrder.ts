// Original file: pmr/v1/orchestrator_service.proto

/**
 * The order GetJobResult pages tracks in.
 */
export const TrackOrder = {
  /**
   * Not set: by track id (the order tracks were confirmed in).
   */
  TRACK_ORDER_UNSPECIFIED: 'TRACK_ORDER_UNSPECIFIED',
  /**
   * By the time a track is first seen, then by id.
   */
  TRACK_ORDER_TIME: 'TRACK_ORDER_TIME',
  /**
   * By label (the person's name, then the unknown-N groups), then by the time first seen, then by id.
   */
  TRACK_ORDER_PERSON: 'TRACK_ORDER_PERSON',
} as const;

/**
 * The order GetJobResult pages tracks in.
 */
export type TrackOrder =
  /**
   * Not set: by track id (the order tracks were confirmed in).
   */
  | 'TRACK_ORDER_UNSPECIFIED'
  | 0
  /**
   * By the time a track is first seen, then by id.
   */
  | 'TRACK_ORDER_TIME'
  | 1
  /**
   * By label (the person's name, then the unknown-N groups), then by the time first seen, then by id.
   */
  | 'TRACK_ORDER_PERSON'
  | 2

/**
 * The order GetJobResult pages tracks in.
 */
export type TrackOrder__Output = typeof TrackOrder[keyof typeof TrackOrder]
