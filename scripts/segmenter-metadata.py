"""Adds the TFLite image-segmenter metadata that @mediapipe/tasks-vision needs to the npm-shipped selfie model.

The legacy @mediapipe/selfie_segmentation model takes float RGB in [0, 1] but carries no metadata, so the
tasks-vision ImageSegmenter refuses it ("requires specifying NormalizationOptions metadata"). Writing
mean 0 / std 255 describes exactly the scaling the legacy solution applied itself.
Usage: python segmenter-metadata.py <in.tflite> <out.tflite>
"""

import sys

from tflite_support.metadata_writers import image_segmenter, writer_utils

# pixel / 255 maps 0..255 onto 0..1, the range the legacy graph fed this model (its ImageToTensorCalculator's
# output_tensor_float_range); its output is already a probability, matching tasks-vision's default activation NONE.
NORM_MEAN = [0.0]
NORM_STD = [255.0]


def main(source: str, target: str) -> None:
    writer = image_segmenter.MetadataWriter.create_for_inference(
        writer_utils.load_file(source), NORM_MEAN, NORM_STD, []
    )
    writer_utils.save_file(writer.populate(), target)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: segmenter-metadata.py <in.tflite> <out.tflite>")
    main(sys.argv[1], sys.argv[2])
