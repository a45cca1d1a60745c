#!/usr/bin/env bash
# Installs the build-time tool that writes the segmentation model's metadata (PyPI tflite-support, pinned) into .venv-segmenter.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-segmenter
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'from tflite_support.metadata_writers import image_segmenter' 2>/dev/null; then
  exit 0
fi
python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --disable-pip-version-check 'tflite-support==0.4.4'
"$VENV/bin/python" -c 'from tflite_support.metadata_writers import image_segmenter'
