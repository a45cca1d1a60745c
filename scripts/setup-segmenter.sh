#!/usr/bin/env bash
# Installs the build-time tool that writes the segmentation model's metadata (PyPI tflite-support, pinned) into .venv-segmenter.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-segmenter
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'from tflite_support.metadata_writers import image_segmenter' 2>/dev/null; then
  exit 0
fi
# tflite-support ships wheels up to CPython 3.11, so 3.11 is preferred where several are installed.
PY=$(command -v python3.11 || command -v python3)
"$PY" -m venv "$VENV"
"$VENV/bin/pip" install --quiet --disable-pip-version-check 'tflite-support==0.4.4'
"$VENV/bin/python" -c 'from tflite_support.metadata_writers import image_segmenter'
