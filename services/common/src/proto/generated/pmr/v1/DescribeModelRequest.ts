// Original file: pmr/v1/recognizer_service.proto


/**
 * Request of RecognizerService.DescribeModel.
 */
export interface DescribeModelRequest {
}

/**
 * Request of RecognizerService.DescribeModel.
 */
export interface DescribeModelRequest__Output {
}
