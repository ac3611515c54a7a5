// Original file: pmr/v1/result.proto


/**
 * A person seen in the video: the tracks that share a label.
 */
export interface PersonResult {
  /**
   * The gallery name or "unknown-N".
   */
  'label'?: (string);
  /**
   * The gallery name; unset for an unknown person.
   */
  'name'?: (string);
  /**
   * Ids of the person's tracks, ascending.
   */
  'trackIds'?: (number)[];
  /**
   * Seconds on screen: the union of the person's track intervals.
   */
  'screenTime'?: (number | string);
  /**
   * Seconds from the start of the video when the person is first seen.
   */
  'firstSeen'?: (number | string);
  /**
   * Seconds from the start of the video when the person is last seen.
   */
  'lastSeen'?: (number | string);
  '_name'?: "name";
}

/**
 * A person seen in the video: the tracks that share a label.
 */
export interface PersonResult__Output {
  /**
   * The gallery name or "unknown-N".
   */
  'label': (string);
  /**
   * The gallery name; unset for an unknown person.
   */
  'name'?: (string);
  /**
   * Ids of the person's tracks, ascending.
   */
  'trackIds': (number)[];
  /**
   * Seconds on screen: the union of the person's track intervals.
   */
  'screenTime': (number);
  /**
   * Seconds from the start of the video when the person is first seen.
   */
  'firstSeen': (number);
  /**
   * Seconds from the start of the video when the person is last seen.
   */
  'lastSeen': (number);
  '_name'?: "name";
}
