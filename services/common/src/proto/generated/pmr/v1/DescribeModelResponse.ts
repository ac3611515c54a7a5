// Original file: pmr/v1/recognizer_service.proto


/**
 * Response of RecognizerService.DescribeModel.
 */
export interface DescribeModelResponse {
  /**
   * The model: its file's name and the start of its SHA-256, e.g. "mobilefacenet_foamliu_128d@b7120c095d60".
   */
  'model'?: (string);
  /**
   * Length of its embeddings.
   */
  'dim'?: (number);
}

/**
 * Response of RecognizerService.DescribeModel.
 */
export interface DescribeModelResponse__Output {
  /**
   * The model: its file's name and the start of its SHA-256, e.g. "mobilefacenet_foamliu_128d@b7120c095d60".
   */
  'model': (string);
  /**
   * Length of its embeddings.
   */
  'dim': (number);
}
