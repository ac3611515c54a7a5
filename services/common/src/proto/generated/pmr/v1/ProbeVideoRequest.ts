// Original file: pmr/v1/decoder_service.proto


/**
 * Request of DecoderService.ProbeVideo.
 */
export interface ProbeVideoRequest {
  /**
   * A path under one of the decoder's roots, or a URL with an allowed scheme.
   */
  'source'?: (string);
}

/**
 * Request of DecoderService.ProbeVideo.
 */
export interface ProbeVideoRequest__Output {
  /**
   * A path under one of the decoder's roots, or a URL with an allowed scheme.
   */
  'source': (string);
}
